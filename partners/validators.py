import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

_Y_TUNNUS = re.compile(r"^(\d{7})-(\d)$")
_Y_TUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
#: The countries whose business IDs are a fixed number of digits, and what to say otherwise.
_DIGITS_ONLY = {
    "EE": (r"\d{8}", _("An Estonian registry code has exactly 8 digits.")),
    "LT": (r"\d{9}", _("A Lithuanian company code has exactly 9 digits.")),
}


def y_tunnus_check_digit(first_seven: str) -> int | None:
    """The check digit of a Finnish business ID, or None when no digit can be valid."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, _Y_TUNNUS_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise_business_id(value: str) -> str:
    return "".join(value.split())


def validate_business_id(country: str, value: str) -> None:
    """Check a business ID by the rules of the organisation's country."""
    value = normalise_business_id(value)
    if not value:
        return
    country = str(country or "").upper()
    if country == "FI":
        match = _Y_TUNNUS.match(value)
        if not match:
            raise ValidationError(
                _("A Finnish business ID (Y-tunnus) has the form 1234567-8."), code="format"
            )
        if y_tunnus_check_digit(match.group(1)) != int(match.group(2)):
            raise ValidationError(
                _("This Finnish business ID (Y-tunnus) has a wrong check digit."),
                code="checksum",
            )
    elif country in _DIGITS_ONLY:
        pattern, message = _DIGITS_ONLY[country]
        if not re.fullmatch(pattern, value):
            raise ValidationError(message, code="format")
    elif len(value) > 50:
        raise ValidationError(_("A business ID has at most 50 characters."), code="length")


def validate_logo_size(file) -> None:
    # Logos are checked by core.uploads.UploadValidator now; the early
    # migrations still name this one.
    limit = settings.LOGO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The logo is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
