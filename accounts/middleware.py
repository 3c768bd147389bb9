from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path


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
