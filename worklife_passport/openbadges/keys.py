"""Ed25519 signing keys per issuing organisation, stored encrypted.

The encryption key comes from ``BADGE_KEY_SECRET`` (or, when unset, is derived from
``SECRET_KEY``), so a copy of the database alone does not hold usable private keys.
Rotating retires the active key but keeps it, so credentials it signed still verify.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import IssuerKey


def _fernet() -> Fernet:
    secret = (settings.BADGE_KEY_SECRET or settings.SECRET_KEY).encode()
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"vet-network-badge-keys", info=b"fernet"
    ).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk(private_key: Ed25519PrivateKey) -> dict:
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def _new_key(organisation) -> IssuerKey:
    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    jwk = public_jwk(private_key)
    kid = "key-" + hashlib.sha256(jwk["x"].encode()).hexdigest()[:16] + secrets.token_hex(2)
    return IssuerKey.objects.create(
        organisation=organisation,
        kid=kid,
        public_jwk=jwk,
        private_key_encrypted=_fernet().encrypt(pem).decode(),
    )


@transaction.atomic
def active_key(organisation) -> IssuerKey:
    key = IssuerKey.objects.filter(organisation=organisation, retired_at__isnull=True).first()
    return key or _new_key(organisation)


@transaction.atomic
def rotate(organisation) -> IssuerKey:
    IssuerKey.objects.filter(organisation=organisation, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    return _new_key(organisation)


def private_key(key: IssuerKey) -> Ed25519PrivateKey:
    pem = _fernet().decrypt(key.private_key_encrypted.encode())
    return serialization.load_pem_private_key(pem, password=None)


def public_key(key: IssuerKey):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    x = key.public_jwk["x"]
    raw = base64.urlsafe_b64decode(x + "=" * (-len(x) % 4))
    return Ed25519PublicKey.from_public_bytes(raw)
