"""E-mail in the recipient's language, from a template triple.

``templates/<app>/emails/<name>.subject.txt``, ``.txt`` and ``.html`` are rendered with
the recipient's language active and ``site_url`` in the context, so links are absolute.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def render_email(template: str, context: dict, language: str) -> tuple[str, str, str]:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return " ".join(subject.split()), text, html


def send_email(*, to: str, template: str, context: dict, language: str) -> None:
    subject, text, html = render_email(template, context, language)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()


def send_email_on_commit(*, to: str, template: str, context: dict, language: str) -> None:
    """Send once the surrounding transaction commits; a rolled-back change sends nothing."""
    transaction.on_commit(
        lambda: send_email(to=to, template=template, context=context, language=language)
    )
