"""Verify a badge from a baked image, pasted JSON or JWT, or an address.

The answer is one of: valid, revoked, expired, tampered, unknown issuer, not found,
unreadable, invalid input (too long, or nested deeper than any badge is). Only this
portal's own badges can be checked here: there is no way out to other hosts, and an
issuer we do not know is reported as such.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import re
from dataclasses import dataclass, field

import jwt
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Award
from . import baking, credentials, documents, urls

VALID = "valid"
REVOKED = "revoked"
EXPIRED = "expired"
TAMPERED = "tampered"
UNKNOWN_ISSUER = "unknown_issuer"
NOT_FOUND = "not_found"
UNREADABLE = "unreadable"
INVALID_INPUT = "invalid_input"

#: A pasted badge or a baked one is a few kilobytes; this leaves room for many endorsements.
MAX_TEXT_CHARS = 256 * 1024
#: An Open Badge is nested some ten levels deep. The JSON parser recurses once a level, so
#: anything much deeper is refused before it is parsed.
MAX_JSON_DEPTH = 32

MESSAGES = {
    VALID: _("Valid. The badge was issued by the issuer shown and has not been changed."),
    REVOKED: _("Revoked. The issuer has withdrawn this badge."),
    EXPIRED: _("Expired. The badge was valid but its validity has ended."),
    TAMPERED: _("Tampered. The badge does not match what the issuer issued."),
    UNKNOWN_ISSUER: _("Unknown issuer. This badge was not issued in this network."),
    NOT_FOUND: _("Not found. The issuer has no record of this badge."),
    UNREADABLE: _("Unreadable. This is not an Open Badge we can read."),
    INVALID_INPUT: _(
        "Invalid input. The text is too long or nested too deeply to be an Open Badge."
    ),
}

_JWT = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


@dataclass
class Result:
    verdict: str
    award: Award | None = None
    details: dict = field(default_factory=dict)

    @property
    def message(self):
        return MESSAGES[self.verdict]

    @property
    def ok(self) -> bool:
        return self.verdict == VALID


def _award(public_id) -> Award | None:
    """The award ``public_id`` names (also as ``urn:uuid:…``)."""
    public_id = str(public_id).removeprefix("urn:uuid:")
    if not re.fullmatch(r"[0-9a-f-]{36}", public_id):
        return None
    return Award.objects.select_related("badge__issuer").filter(public_id=public_id).first()


def _standing(award: Award, *, expires_at=None) -> Result:
    if award.is_revoked:
        return Result(REVOKED, award, {"reason": award.revocation_reason})
    expiry = expires_at or award.expires_on
    if expiry is not None and expiry <= timezone.now():
        return Result(EXPIRED, award)
    return Result(VALID, award)


def _award_from_assertion_url(url: str) -> tuple[str, Award | None]:
    if not url.startswith(settings.SITE_URL + "/"):
        return UNKNOWN_ISSUER, None
    try:
        match = resolve(url[len(settings.SITE_URL) :].split("?")[0])
    except Resolver404:
        return NOT_FOUND, None
    if match.url_name != "ob_assertion":
        return NOT_FOUND, None
    award = _award(match.kwargs["public_id"])
    return (NOT_FOUND, None) if award is None else ("", award)


def nested_too_deeply(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text opens more than ``limit`` arrays or objects inside each
    other, counted without parsing it (brackets inside strings do not count)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _jwt_nested_too_deeply(token: str) -> bool:
    for part in token.split(".")[:2]:
        try:
            decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except (binascii.Error, ValueError):
            return False  # not ours to judge: the JWT library reports it as unreadable
        if nested_too_deeply(decoded.decode("utf-8", errors="replace")):
            return True
    return False


def verify_jwt(token: str) -> Result:
    if _jwt_nested_too_deeply(token):
        return Result(INVALID_INPUT)
    try:
        claims = credentials.decode(token)
    except credentials.UnknownKey:
        return Result(UNKNOWN_ISSUER)
    except jwt.InvalidTokenError:
        return Result(TAMPERED)
    award = _award(claims.get("jti", ""))
    if award is None:
        return Result(NOT_FOUND)
    signed_subject = claims.get("credentialSubject", {}).get("identifier", [{}])[0]
    if signed_subject.get("identityHash") != documents.award_identity(award):
        return Result(TAMPERED, award)
    expires = claims.get("exp")
    return _standing(
        award,
        expires_at=datetime.datetime.fromtimestamp(expires, tz=datetime.UTC) if expires else None,
    )


def verify_ob2(document: dict) -> Result:
    verdict, award = _award_from_assertion_url(str(document.get("id", "")))
    if award is None:
        return Result(verdict)
    if award.is_revoked:
        return _standing(award)
    issued = documents.ob2_assertion(award)
    if any(document.get(k) != issued.get(k) for k in ("recipient", "badge", "issuedOn", "expires")):
        return Result(TAMPERED, award)
    return _standing(award)


def verify_ob3(document: dict) -> Result:
    issuer = document.get("issuer", {})
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not str(issuer_id).startswith(urls.site_did_prefix()):
        return Result(UNKNOWN_ISSUER)
    award = _award(document.get("id", ""))
    if award is None:
        return Result(NOT_FOUND)
    issued = documents.ob3_credential(award)
    signed = ("issuer", "credentialSubject", "validFrom", "validUntil")
    if any(document.get(key) != issued.get(key) for key in signed):
        return Result(TAMPERED, award)
    return _standing(award)


def verify_text(text: str) -> Result:
    text = text.strip()
    if len(text) > MAX_TEXT_CHARS:
        return Result(INVALID_INPUT)
    if _JWT.match(text):
        return verify_jwt(text)
    if text.startswith(("http://", "https://")):
        return verify_url(text)
    if nested_too_deeply(text):
        return Result(INVALID_INPUT)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return Result(UNREADABLE)
    if not isinstance(document, dict):
        return Result(UNREADABLE)
    kinds = document.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "OpenBadgeCredential" in kinds or "AchievementCredential" in kinds:
        return verify_ob3(document)
    if "Assertion" in kinds:
        return verify_ob2(document)
    return Result(UNREADABLE)


def verify_url(url: str) -> Result:
    verdict, award = _award_from_assertion_url(url.strip())
    return Result(verdict) if award is None else _standing(award)


def verify_image(data: bytes) -> Result:
    try:
        baked = baking.unbake(data)
    except (ValueError, OSError):
        return Result(UNREADABLE)
    for key in (baking.OB3_KEY, baking.OB2_KEY):
        if key in baked:
            return verify_text(baked[key])
    return Result(UNREADABLE)
