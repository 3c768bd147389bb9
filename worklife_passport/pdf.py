"""The passport as PDF: each badge with a QR code pointing at its verification."""

import io

import qrcode
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Image, Table, TableStyle

from network_portal.pdf import Spacer, build, styles, text

from .models import Award
from .openbadges import urls


def _qr(url: str) -> Image:
    buffer = io.BytesIO()
    qrcode.make(url, box_size=4, border=1).save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer, width=24 * mm, height=24 * mm)


def passport(user) -> bytes:
    s = styles()
    awards = (
        Award.objects.filter(recipient=user, revoked_at__isnull=True)
        .select_related("badge", "badge__issuer")
        .order_by("-issued_on")
    )
    with translation.override(user.language):
        story = [
            text(_("Work-life passport"), s["title"]),
            text(user.full_name, s["heading"]),
            text(
                _("Each badge can be checked with its QR code or at the address below it."),
                s["small"],
            ),
            Spacer(1, 6),
        ]
        rows = []
        for award in awards:
            url = urls.absolute("passport:award_detail", public_id=award.public_id)
            rows.append(
                [
                    _qr(url),
                    [
                        text(award.badge.name, s["heading"]),
                        text(
                            f"{award.badge.issuer.name} · "
                            f"{formats.date_format(award.issued_on, 'SHORT_DATE_FORMAT')}",
                            s["body"],
                        ),
                        text(award.badge.criteria, s["small"]),
                        text(url, s["small"]),
                    ],
                ]
            )
        if rows:
            table = Table(rows, colWidths=[28 * mm, 142 * mm])
            table.setStyle(
                TableStyle(
                    [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
                )
            )
            story.append(table)
        else:
            story.append(text(_("No badges yet."), s["body"]))
        return build(story, title=_("Work-life passport"))
