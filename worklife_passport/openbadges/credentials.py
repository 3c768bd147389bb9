"""Open Badges 3.0 credentials as VC-JWT, signed with the issuer's Ed25519 key (EdDSA)."""

from __future__ import annotations

import jwt

from ..models import Award, IssuerKey
from . import documents, keys, urls

JWT_TYPE = "vc+jwt"


def sign(payload: dict, organisation) -> str:
    key = keys.active_key(organisation)
    return jwt.encode(
        payload,
        keys.private_key(key),
        algorithm="EdDSA",
        headers={"kid": f"{urls.did_for(organisation)}#{key.kid}", "typ": JWT_TYPE},
    )


def credential_jwt(award: Award) -> str:
    credential = documents.ob3_credential(award)
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(award.issued_on.timestamp()),
        "iat": int(award.issued_on.timestamp()),
    }
    if award.expires_on:
        claims["exp"] = int(award.expires_on.timestamp())
    return sign(claims, award.badge.issuer)


def status_list_jwt(organisation) -> str:
    credential = documents.status_list_credential(organisation)
    return sign({**credential, "iss": credential["issuer"], "jti": credential["id"]}, organisation)


class UnknownKey(Exception):
    pass


def key_for(kid: str) -> IssuerKey:
    """The key named in a JWT header: ``did:web:…:issuers:<slug>#<kid>``."""
    did, _, key_id = kid.partition("#")
    key = IssuerKey.objects.select_related("organisation").filter(kid=key_id).first()
    if key is None or urls.did_for(key.organisation) != did:
        raise UnknownKey(kid)
    return key


def decode(token: str) -> tuple[dict, IssuerKey]:
    """Verify the signature and return the claims. Expiry is judged by the caller."""
    header = jwt.get_unverified_header(token)
    key = key_for(header.get("kid", ""))
    claims = jwt.decode(
        token,
        keys.public_key(key),
        algorithms=["EdDSA"],
        options={"verify_exp": False, "verify_nbf": False, "verify_aud": False},
    )
    return claims, key
