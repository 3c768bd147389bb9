import time

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import redirect
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from partners.rules import requires_mfa

# How often an active session's expiry and "last seen" time are pushed forward. Doing it
# on every request would cost writes per page view; once a minute is precise enough.
_TOUCH_EVERY_SECONDS = 60


class SessionActivityMiddleware(MiddlewareMixin):
    """End sessions after ``SESSION_COOKIE_AGE`` seconds without a request, and keep the
    "last seen" time on the person's list of sessions (allauth's user sessions) current.
    """

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        # A 503: the database is away, so the session is left as it is.
        if session is None or session.is_empty() or response.status_code == 503:
            return response
        now = int(time.time())
        if now - session.get("_touched", 0) >= _TOUCH_EVERY_SECONDS:
            session["_touched"] = now
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                UserSession.objects.create_from_request(request)
        return response


def _is_public_document(request) -> bool:
    """Documents others fetch (Open Badges, DID documents, status lists) and static or
    public files: they set their own caching, or none."""
    if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    match = request.resolver_match
    return bool(match and (match.url_name or "").startswith("ob_"))


def _is_personal(request) -> bool:
    match = request.resolver_match
    if match is not None and "token" in match.kwargs:
        return True  # a signing, answering, sharing or calendar link is someone's own
    user = getattr(request, "user", None)
    if user is None:
        return False
    try:
        return user.is_authenticated
    except DatabaseError:
        return True


class PrivatePagesMiddleware(MiddlewareMixin):
    """``Cache-Control: private, no-store`` on every answer to a logged-in person and on
    every page reached through a personal link, unless the view chose its own caching:
    no shared cache keeps them, and the browser does not keep them on disk either."""

    def process_response(self, request, response):
        if response.has_header("Cache-Control") or _is_public_document(request):
            return response
        if _is_personal(request):
            response["Cache-Control"] = "private, no-store"
        return response


# Pages a person who still has to set up two-factor authentication may use.
_OPEN_URL_PREFIXES = ("account_", "mfa_", "usersessions_")
# A person's own data rights (see, download, erase) do not wait for a second factor.
_OPEN_URL_NAMES = {
    "set_language",
    "health",
    "accessibility",
    "home",
    "profile",
    "export_data",
    "delete_account",
}


class RequireMFAMiddleware(MiddlewareMixin):
    """Coordinators and network admins must set up an authenticator before they act."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not requires_mfa(user):
            return None
        match = request.resolver_match
        name = match.url_name if match else ""
        if name in _OPEN_URL_NAMES or (name or "").startswith(_OPEN_URL_PREFIXES):
            return None
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(
            request,
            _(
                "Your role requires two-factor authentication. Set up an authenticator "
                "app to continue."
            ),
        )
        return redirect("mfa_activate_totp")
