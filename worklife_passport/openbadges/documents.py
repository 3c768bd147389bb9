"""The JSON documents: Open Badges 2.0 (hosted) and 3.0 (credential), DID documents and
the revocation status list."""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone, translation

from ..models import Award, Badge, Endorsement, IssuerKey
from . import urls

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
STATUS_LIST_BITS = 131_072  # 16 KB: the minimum size that keeps holders private

# The documents are read by machines everywhere; they are written in English, or in
# Finnish where the issuer wrote nothing in English.
DOCUMENT_LANGUAGE = "en"


#: Names the subjects of credentials (uuid5 under this namespace); never change it.
SUBJECT_NAMESPACE = uuid.UUID("6f1d3a2e-5b8c-4e7a-9d0f-2c4b6a8e1f37")


def recipient_identity(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def award_identity(award: Award) -> str:
    """The recipient's salted hash, also for an award whose recipient was erased."""
    return award.recipient_identity or recipient_identity(award.recipient_email, award.salt)


def subject_id(award: Award) -> str:
    """The credential subject's id: the same for this award and its recipient every time
    the credential is signed, but unrelated to the recipient's other awards and derived
    from the salted hash, so it tells nothing about the e-mail address."""
    identity = award_identity(award)
    return "urn:uuid:" + str(uuid.uuid5(SUBJECT_NAMESPACE, f"{award.public_id}:{identity}"))


def issuer_home_page(organisation) -> str:
    """The organisation's own website, or its page on the portal when it gave none."""
    return organisation.website or urls.absolute(
        "partners:organisation_detail", slug=organisation.slug
    )


def badge_image_url(badge: Badge) -> str:
    if badge.image:
        return settings.SITE_URL + badge.image.url
    return urls.absolute("ob_badge_image", pk=badge.pk)


def _given(**parts: Any) -> dict[str, Any]:
    """The optional parts of a document that have a value."""
    return {key: value for key, value in parts.items() if value}


def _alignments(badge: Badge) -> list[dict]:
    return [
        {
            "targetName": a.target_name,
            "targetFramework": a.framework,
            **_given(targetCode=a.code, targetUrl=a.target_url),
        }
        for a in badge.alignments.all()
    ]


# --- Open Badges 2.0 ----------------------------------------------------------------


def ob2_issuer(organisation) -> dict:
    with translation.override(DOCUMENT_LANGUAGE):
        return {
            "@context": OB2_CONTEXT,
            "type": "Issuer",
            "id": urls.issuer_url(organisation),
            "name": organisation.name,
            "url": issuer_home_page(organisation),
            # Open Badges 2.0 requires a contact address on every issuer profile.
            "email": organisation.email or settings.BADGE_ISSUER_EMAIL,
        }


def ob2_badge_class(badge: Badge) -> dict:
    with translation.override(DOCUMENT_LANGUAGE):
        return {
            "@context": OB2_CONTEXT,
            "type": "BadgeClass",
            "id": urls.badge_class_url(badge),
            "name": badge.name,
            "description": badge.description,
            "image": badge_image_url(badge),
            "criteria": {
                "id": urls.absolute("passport:badge_detail", pk=badge.pk),
                "narrative": badge.criteria,
            },
            "issuer": urls.issuer_url(badge.issuer),
            **_given(
                tags=badge.tag_list,
                alignment=_alignments(badge),
                endorsement=[urls.endorsement_url(e) for e in badge.endorsements.all()],
            ),
        }


def ob2_endorsement(endorsement: Endorsement) -> dict:
    return {
        "@context": OB2_CONTEXT,
        "type": "Endorsement",
        "id": urls.endorsement_url(endorsement),
        "claim": {
            "id": urls.badge_class_url(endorsement.badge),
            "endorsementComment": endorsement.comment,
        },
        "issuer": urls.issuer_url(endorsement.organisation),
        "issuedOn": endorsement.created_at.isoformat(),
        "verification": {"type": "hosted"},
    }


def ob2_assertion(award: Award) -> dict:
    head = {"@context": OB2_CONTEXT, "type": "Assertion", "id": urls.assertion_url(award)}
    if award.is_revoked:
        return {**head, "revoked": True, "revocationReason": award.revocation_reason}
    return {
        **head,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.salt,
            "identity": award_identity(award),
        },
        "badge": urls.badge_class_url(award.badge),
        "verification": {"type": "hosted"},
        "issuedOn": award.issued_on.isoformat(),
        **_given(
            expires=award.expires_on and award.expires_on.isoformat(),
            evidence=award.evidence and {"narrative": award.evidence},
        ),
    }


# --- Open Badges 3.0 ----------------------------------------------------------------


def ob3_achievement(badge: Badge) -> dict:
    with translation.override(DOCUMENT_LANGUAGE):
        return {
            "id": urls.badge_class_url(badge),
            "type": ["Achievement"],
            "achievementType": badge.achievement_type,
            "name": badge.name,
            "description": badge.description,
            "criteria": {"narrative": badge.criteria},
            "image": {"id": badge_image_url(badge), "type": "Image"},
            "creator": {
                "id": urls.did_for(badge.issuer),
                "type": ["Profile"],
                "name": badge.issuer.name,
            },
            **_given(
                tag=badge.tag_list,
                alignment=[{"type": ["Alignment"], **a} for a in _alignments(badge)],
                # Endorsements are hosted Open Badges 2.0 documents; the credential points at them.
                related=[
                    {"id": urls.endorsement_url(e), "type": ["Related"]}
                    for e in badge.endorsements.all()
                ],
            ),
        }


def ob3_credential(award: Award) -> dict:
    organisation = award.badge.issuer
    with translation.override(DOCUMENT_LANGUAGE):
        return {
            "@context": [VC2_CONTEXT, OB3_CONTEXT],
            "id": f"urn:uuid:{award.public_id}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {
                "id": urls.did_for(organisation),
                "type": ["Profile"],
                "name": organisation.name,
                "url": issuer_home_page(organisation),
            },
            "validFrom": award.issued_on.isoformat(),
            "name": award.badge.name,
            "credentialSubject": {
                "id": subject_id(award),
                "type": ["AchievementSubject"],
                "identifier": [
                    {
                        "type": "IdentityObject",
                        "identityHash": award_identity(award),
                        "identityType": "emailAddress",
                        "hashed": True,
                        "salt": award.salt,
                    }
                ],
                "achievement": ob3_achievement(award.badge),
            },
            "credentialStatus": {
                "id": f"{urls.status_list_url(organisation)}#{award.status_index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": str(award.status_index),
                "statusListCredential": urls.status_list_url(organisation),
            },
            **_given(
                validUntil=award.expires_on and award.expires_on.isoformat(),
                evidence=award.evidence and [{"type": ["Evidence"], "narrative": award.evidence}],
            ),
        }


# --- DID documents and the status list ---------------------------------------------


def did_document(organisation) -> dict:
    did = urls.did_for(organisation)
    # The active key first: a verifier that is not told which key (a JWT without kid, or
    # openbadgeslib checking the status list's signature) takes the first method.
    keys = IssuerKey.objects.filter(organisation=organisation).order_by(
        F("retired_at").desc(nulls_first=True), "-created_at"
    )
    methods = [
        {
            "id": f"{did}#{key.kid}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": key.public_jwk,
        }
        for key in keys
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def encoded_status_list(revoked_indexes) -> str:
    bits = bytearray(STATUS_LIST_BITS // 8)
    for index in revoked_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)  # the first bit is the left-most
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits))).rstrip(b"=").decode()


def status_list_credential(organisation) -> dict:
    revoked = Award.objects.filter(
        badge__issuer=organisation, revoked_at__isnull=False
    ).values_list("status_index", flat=True)
    url = urls.status_list_url(organisation)
    return {
        "@context": [VC2_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": urls.did_for(organisation),
        "validFrom": timezone.now().isoformat(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_status_list(revoked),
        },
    }
