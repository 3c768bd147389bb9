import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.utils import filter_users_by_email
from allauth.core import context
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import get_language_from_path

from core.site import base_context, site_domain, subject_prefix


@dataclass(frozen=True)
class PortalSite:
    """What allauth's e-mails call "the site": the portal's name, not the host it was
    reached at."""

    name: str
    domain: str


def in_language(url: str, language: str) -> str:
    # translate_url() resolves the URL in the language it was made in.
    made_in = get_language_from_path(urlsplit(url).path)
    if not made_in or made_in == language:
        return url
    with translation.override(made_in):
        return translate_url(url, language)


class AccountAdapter(DefaultAccountAdapter):
    def recipient_language(self, email: str, user=None) -> str:
        """The language of the person who owns ``email``; the page's for an address
        without an account."""
        if user is None:
            users = filter_users_by_email(email)
            user = users[0] if users else None
        return getattr(user, "language", "") or translation.get_language() or settings.LANGUAGE_CODE

    def send_mail(self, template_prefix, email, context):
        language = self.recipient_language(email, context.get("user"))
        with translation.override(language):
            context = {
                **context,
                **base_context(),
                "current_site": PortalSite(name=str(settings.SITE_NAME), domain=site_domain()),
            }
            for key, value in list(context.items()):
                if key.endswith("_url") and isinstance(value, str) and value:
                    context[key] = in_language(value, language)
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        return subject_prefix() + force_str(subject)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A password typed at login a moment ago counts as re-authentication.

        Coordinators are sent to set up two factors right after they log in; asking for
        the password again on that page would only be in the way.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        if not records:
            return True
        age = time.time() - records[-1]["at"]
        return age >= account_settings.REAUTHENTICATION_TIMEOUT
