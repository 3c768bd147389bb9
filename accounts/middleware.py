from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

from .adapter import in_language


class PreferredLanguageMiddleware(MiddlewareMixin):
    """After login, follow the person's preferred language: the redirect and the cookie."""

    def process_response(self, request, response):
        language = getattr(request, "portal_set_language", None)
        if language:
            if response.status_code in (301, 302, 303) and response.has_header("Location"):
                response["Location"] = in_language(response["Location"], language)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite="Lax",
            )
        return response
