"""Open Badges 3.0 credentials as VC-JWT (OB 3.0 §8.2), signed with the issuer's active
key: EdDSA or RS256, as its issuer settings choose.

The JOSE header names the key (``kid``: the DID URL of a verification method in the
issuer's did:web document) and says ``typ: JWT``. The registered claims repeat the
credential: ``iss`` its issuer's id, ``jti`` its id, ``sub`` its subject's id, ``nbf``
its validFrom and ``exp`` its validUntil.
"""

from __future__ import annotations

import jwt
from django.conf import settings

from core import fragments

from ..models import Award, IssuerKey
from . import documents, keys, urls


def sign(payload: dict, organisation) -> str:
    key = keys.active_key(organisation)
    return jwt.encode(
        payload,
        keys.private_key(key),
        algorithm=key.algorithm,
        headers={"kid": f"{urls.did_for(organisation)}#{key.kid}", "typ": "JWT"},
    )


def credential_jwt(award: Award) -> str:
    credential = documents.ob3_credential(award)
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
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


#: The verification keys the verify page checks signatures with, kept in the cache: a
#: key's public half never changes, and a write to the keys or to the organisations (whose
#: slug is in the DID) retires what is kept.
_KEY = "passport:verification-key"


def _verification_key(key_id: str) -> tuple[str, str, dict] | None:
    """The DID, algorithm and public JWK of the key ``key_id``, if there is one."""

    def read() -> tuple[str, str, dict] | None:
        key = IssuerKey.objects.select_related("organisation").filter(kid=key_id).first()
        if key is None:
            return None
        return urls.did_for(key.organisation), key.algorithm, key.public_jwk

    return fragments.render(_KEY, settings.FRAGMENT_SECONDS, [key_id], read)


def decode(token: str) -> dict:
    """Verify the signature with the key the header names (``did:web:…:issuers:<slug>#<kid>``)
    and return the claims. Expiry is judged by the caller."""
    kid = jwt.get_unverified_header(token).get("kid", "")
    did, _, key_id = kid.partition("#")
    found = _verification_key(key_id)
    if found is None or found[0] != did:
        raise UnknownKey(kid)
    _did, algorithm, jwk = found
    return jwt.decode(
        token,
        jwt.PyJWK(jwk, algorithm=algorithm).key,
        algorithms=[algorithm],
        options={"verify_exp": False, "verify_nbf": False, "verify_aud": False},
    )
