from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .imagery import UnsafeSvg, sanitise_svg


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
        # What is stored is the sanitised drawing (BadgeImageField); here the upload is
        # refused if it cannot even be read safely.
        try:
            sanitise_svg(file.read())
        except UnsafeSvg as error:
            raise ValidationError(
                _(
                    "This SVG image cannot be used. Save it as plain SVG in UTF-8, "
                    "without a document type declaration or entities."
                ),
                code="invalid_image",
            ) from error
        finally:
            file.seek(0)


def validate_evidence_size(file) -> None:
    limit = settings.EVIDENCE_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
