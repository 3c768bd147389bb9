"""The passport as PDF: each badge with a QR code pointing at its verification."""

import io

import qrcode
from django.utils import translation
from django.utils.translation import gettext as _

from core import pdf

from .models import Award
from .openbadges import urls


def _qr(url: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(url, box_size=4, border=1).save(buffer, format="PNG")
    return pdf.data_uri(buffer.getvalue(), "image/png")


def passport(user, *, language: str) -> bytes:
    awards = (
        Award.objects.filter(recipient=user, revoked_at__isnull=True)
        .select_related("badge", "badge__issuer")
        .order_by("-issued_on")
    )
    with translation.override(language):
        badges = []
        for award in awards:
            url = urls.absolute("passport:award_detail", public_id=award.public_id)
            badges.append({"award": award, "url": url, "qr": _qr(url)})
        return pdf.render(
            "passport/pdf/passport.html",
            {"title": _("Work-life passport"), "holder": user, "badges": badges},
        )
