from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _

from partners.rules import requires_mfa

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


class RequireMFAMiddleware:
    """Coordinators and network admins must set up an authenticator before they act."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

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
        from allauth.mfa.models import Authenticator

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


class PreferredLanguageMiddleware:
    """After login, follow the person's preferred language: the redirect and the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "portal_set_language", None)
        if language:
            if response.status_code in (301, 302, 303) and response.has_header("Location"):
                location = response["Location"]
                # translate_url() resolves the URL in the language it was made in.
                made_in = get_language_from_path(urlsplit(location).path)
                if made_in and made_in != language:
                    with translation.override(made_in):
                        response["Location"] = translate_url(location, language)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite="Lax",
            )
        return response
