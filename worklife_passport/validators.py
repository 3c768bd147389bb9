import re
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

_EVENT_HANDLER = re.compile(rb"\son[a-z]+\s*=")


def validate_badge_image(file) -> None:
    if file.size > 1024 * 1024:
        raise ValidationError(
            _("The image is too large. The limit is %(limit)s."),
            params={"limit": filesizeformat(1024 * 1024)},
            code="file_size",
        )
    name = (file.name or "").lower()
    head = file.read(2048)
    file.seek(0)
    if name.endswith(".png"):
        if not head.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ValidationError(_("This is not a PNG image."), code="invalid_image")
    elif name.endswith(".svg"):
        content = file.read()
        file.seek(0)
        try:
            root = ElementTree.fromstring(content)  # noqa: S314 - parsed only to reject
        except ElementTree.ParseError as error:
            raise ValidationError(_("This is not an SVG image."), code="invalid_image") from error
        if not root.tag.endswith("svg"):
            raise ValidationError(_("This is not an SVG image."), code="invalid_image")
        lowered = content.lower()
        if b"<script" in lowered or b"javascript:" in lowered or _EVENT_HANDLER.search(lowered):
            raise ValidationError(_("The SVG image may not contain scripts."), code="svg_script")


def validate_evidence_size(file) -> None:
    limit = settings.EVIDENCE_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
