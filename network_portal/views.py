import mimetypes

from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousFileOperation
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import fragments
from core.panels import dashboard_panel, home_panel
from core.uploads import PUBLIC_FILE_FIELDS


def home(request):
    # The home panels read alike for everyone and are kept rendered: gathered only when
    # the kept ones are out of date.
    panels = SimpleLazyObject(lambda: home_panel.panels(request))
    return render(request, "home.html", {"panels": panels, **fragments.context(request)})


@login_required
def dashboard(request):
    return render(request, "dashboard.html", {"panels": dashboard_panel.panels(request)})


def accessibility(request):
    return render(request, "accessibility.html")


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return "error"
    return "ok"


def _check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        import redis

        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception:
        return "error"
    return "ok"


@never_cache
@require_GET
def health(request):
    checks = {"database": _check_database(), "redis": _check_redis()}
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


@require_GET
def public_media(request, name):
    """A logo or badge image, found by the row that holds it: a name no row holds, or one
    that walks out of its folder, is not found."""
    if "\x00" in name:
        raise Http404
    for app_label, model_name, field_name in PUBLIC_FILE_FIELDS:
        field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
        if field.model._default_manager.filter(**{field_name: name}).exists():
            break
    else:
        raise Http404
    try:
        handle = field.storage.open(name, "rb")
    except (FileNotFoundError, SuspiciousFileOperation) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own runs no script and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response
