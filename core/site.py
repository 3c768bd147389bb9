"""The portal as its e-mails and documents name it: its name, address and domain.

Read from the settings; shared by the outbox's notices and the account e-mails, so every
message a person gets names the portal the same way."""

from urllib.parse import urlsplit

from django.conf import settings


def subject_prefix() -> str:
    """``"[VET network] "`` in the active language, in front of every e-mail subject."""
    return f"[{settings.EMAIL_SUBJECT_NAME}] "


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def base_context() -> dict[str, str]:
    """What every e-mail's template may read about the portal."""
    return {"site_url": settings.SITE_URL, "site_name": str(settings.SITE_NAME)}
