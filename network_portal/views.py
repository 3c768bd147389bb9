from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from . import fragments
from .panels import dashboard_panels, home_panels


def home(request):
    # The home panels read alike for everyone and are kept rendered: gathered only when
    # the kept ones are out of date.
    context = {
        "panels": SimpleLazyObject(lambda: home_panels(request)),
        **fragments.context(request, "partners", "offers", "events"),
    }
    return render(request, "home.html", context)


@login_required
def dashboard(request):
    return render(request, "dashboard.html", {"panels": dashboard_panels(request)})


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

        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
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


def public_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)
