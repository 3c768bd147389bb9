"""Signing keys per issuing organisation, stored encrypted: Ed25519 (EdDSA) or RSA
(RS256), as the organisation's issuer settings choose.

The encryption key comes from ``BADGE_KEY_SECRET`` (or, when unset, is derived from
``SECRET_KEY``), so a copy of the database alone does not hold usable private keys.
Rotating, or choosing the other algorithm, retires the active key but keeps it, so
credentials it signed still verify.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets

import jwt
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.audit import log_action

from ..models import IssuerKey, IssuerSettings, SigningAlgorithm

RSA_KEY_BITS = 2048


def _fernet() -> Fernet:
    secret = (settings.BADGE_KEY_SECRET or settings.SECRET_KEY).encode()
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"vet-network-badge-keys", info=b"fernet"
    ).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_int(number: int) -> str:
    return _b64url(number.to_bytes((number.bit_length() + 7) // 8, "big"))


def public_jwk(private_key) -> dict:
    if isinstance(private_key, rsa.RSAPrivateKey):
        numbers = private_key.public_key().public_numbers()
        return {"kty": "RSA", "n": _b64url_int(numbers.n), "e": _b64url_int(numbers.e)}
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def _generate(algorithm: str):
    if algorithm == SigningAlgorithm.RS256:
        return rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    return Ed25519PrivateKey.generate()


def _new_key(organisation, algorithm: str) -> IssuerKey:
    private_key = _generate(algorithm)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    jwk = public_jwk(private_key)
    thumb = hashlib.sha256(json.dumps(jwk, sort_keys=True).encode()).hexdigest()
    return IssuerKey.objects.create(
        organisation=organisation,
        kid="key-" + thumb[:16] + secrets.token_hex(2),
        algorithm=algorithm,
        public_jwk=jwk,
        private_key_encrypted=_fernet().encrypt(pem).decode(),
    )


def signing_algorithm(organisation) -> str:
    chosen = (
        IssuerSettings.objects.filter(organisation=organisation)
        .values_list("signing_algorithm", flat=True)
        .first()
    )
    return chosen or SigningAlgorithm.EDDSA


def _retire_active(organisation) -> None:
    IssuerKey.objects.filter(organisation=organisation, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )


@transaction.atomic
def active_key(organisation) -> IssuerKey:
    """The key to sign with now: of the algorithm the issuer's settings choose."""
    algorithm = signing_algorithm(organisation)
    key = (
        IssuerKey.objects.select_for_update()
        .filter(organisation=organisation, retired_at__isnull=True)
        .first()
    )
    if key is not None and key.algorithm == algorithm:
        return key
    if key is not None:
        _retire_active(organisation)
    return _new_key(organisation, algorithm)


@transaction.atomic
def rotate(organisation) -> IssuerKey:
    _retire_active(organisation)
    return _new_key(organisation, signing_algorithm(organisation))


@transaction.atomic
def issuer_signing_algorithm_set(*, actor, organisation, algorithm: str) -> IssuerSettings:
    """Choose the algorithm the organisation's next credentials are signed with. The key
    is made when it is first needed; keys of the other algorithm stay published."""
    if algorithm not in SigningAlgorithm.values:
        raise ValueError(f"unknown signing algorithm {algorithm!r}")
    issuer_settings, _created = IssuerSettings.objects.update_or_create(
        organisation=organisation, defaults={"signing_algorithm": algorithm}
    )
    log_action(
        actor=actor,
        action="passport.issuer.signing_algorithm_set",
        target=issuer_settings,
        organisation=organisation,
        data={"algorithm": algorithm},
    )
    return issuer_settings


def private_key(key: IssuerKey):
    pem = _fernet().decrypt(key.private_key_encrypted.encode())
    return serialization.load_pem_private_key(pem, password=None)


def public_key(key: IssuerKey):
    return jwt.PyJWK(key.public_jwk, algorithm=key.algorithm).key
