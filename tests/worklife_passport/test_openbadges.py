import base64
import gzip
import json

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from worklife_passport.models import Award, IssuerKey
from worklife_passport.openbadges import baking, credentials, documents, keys, urls
from worklife_passport.openbadges import verify as verifier
from worklife_passport.services.awards import award_revoke


def is_set(encoded: str, index: int) -> bool:
    """Whether bit ``index`` of a bitstring status list is set, read as a verifier does."""
    data = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


pytestmark = pytest.mark.django_db


def test_assertion_is_hosted_json_ld_with_a_hashed_recipient(client, world):
    award = world.award()
    response = client.get(f"/ob/v2/assertions/{award.public_id}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    document = response.json()
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["id"] == "http://127.0.0.1:8000" + f"/ob/v2/assertions/{award.public_id}"
    assert document["verification"] == {"type": "hosted"}
    recipient = document["recipient"]
    assert recipient["hashed"] is True
    assert recipient["identity"] == documents.recipient_identity(
        "sanni@example.org", recipient["salt"]
    )
    assert "sanni@example.org" not in json.dumps(document)
    badge = client.get(document["badge"].removeprefix("http://127.0.0.1:8000")).json()
    assert badge["type"] == "BadgeClass" and badge["name"] == "Customer service basics"
    issuer = client.get(badge["issuer"].removeprefix("http://127.0.0.1:8000")).json()
    assert issuer["type"] == "Issuer" and issuer["url"] == "https://school.example.org"


def test_a_revoked_assertion_says_so(client, world):
    award = world.award()
    award_revoke(actor=world.coordinator, award=award, reason="Awarded in error")
    response = client.get(f"/ob/v2/assertions/{award.public_id}")
    assert response.status_code == 410
    assert response.json()["revoked"] is True
    assert response.json()["revocationReason"] == "Awarded in error"


def test_expiry_comes_from_the_badges_validity(world):
    badge = world.make_badge(name_fi="Ensiapu", valid_days=365)
    award = world.award(badge=badge)
    assert (award.expires_on - award.issued_on).days == 365
    assert documents.ob2_assertion(award)["expires"] == award.expires_on.isoformat()


def test_award_page_points_at_its_assertion(client, world):
    award = world.award()
    body = client.get(f"/en/passport/awards/{award.public_id}/").content.decode()
    assert (
        f'<link rel="alternate" type="application/ld+json" href="{urls.assertion_url(award)}">'
    ) in body


def test_baked_png_carries_the_assertion(client, world):
    award = world.award()
    client.force_login(world.student)
    response = client.get(f"/en/passport/awards/{award.public_id}/baked-ob2/")
    assert response["Content-Type"] == "image/png"
    baked = baking.unbake(response.content)
    assert json.loads(baked["openbadges"])["id"] == urls.assertion_url(award)
    assert verifier.verify_image(response.content).verdict == verifier.VALID


def test_signed_credential_verifies_and_names_its_issuer_by_did(client, world):
    award = world.award()
    token = credentials.credential_jwt(award)
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    assert header["kid"].startswith("did:web:127.0.0.1%3A8000:issuers:school#")
    claims = credentials.decode(token)
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert verifier.verify_text(token).verdict == verifier.VALID


def test_did_document_is_served_for_did_web(client, world):
    world.award()
    response = client.get("/issuers/school/did.json")
    document = response.json()
    assert document["id"] == "did:web:127.0.0.1%3A8000:issuers:school"
    key = IssuerKey.objects.get(organisation=world.school)
    assert document["verificationMethod"][0]["publicKeyJwk"] == key.public_jwk
    assert document["verificationMethod"][0]["id"] in document["assertionMethod"]


def test_private_keys_are_stored_encrypted(world):
    world.award()
    key = IssuerKey.objects.get(organisation=world.school)
    assert "PRIVATE KEY" not in key.private_key_encrypted
    assert isinstance(keys.private_key(key), Ed25519PrivateKey)


def test_rotation_keeps_old_credentials_verifiable(world):
    award = world.award()
    old_token = credentials.credential_jwt(award)
    keys.rotate(world.school)
    new_token = credentials.credential_jwt(award)
    assert (
        jwt.get_unverified_header(old_token)["kid"] != jwt.get_unverified_header(new_token)["kid"]
    )
    assert verifier.verify_text(old_token).verdict == verifier.VALID
    assert verifier.verify_text(new_token).verdict == verifier.VALID
    assert len(documents.did_document(world.school)["verificationMethod"]) == 2


def test_a_tampered_jwt_is_caught(world):
    award = world.award()
    header, payload, signature = credentials.credential_jwt(award).split(".")
    import base64

    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["name"] = "Something grander"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    assert verifier.verify_text(f"{header}.{forged}.{signature}").verdict == verifier.TAMPERED


def test_a_jwt_signed_by_someone_else_is_from_an_unknown_issuer(world):
    award = world.award()
    claims = credentials.decode(credentials.credential_jwt(award))
    forged = jwt.encode(
        claims,
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": "did:web:evil.example:issuers:x#key-1"},
    )
    assert verifier.verify_text(forged).verdict == verifier.UNKNOWN_ISSUER


def test_a_jwt_signed_with_a_different_key_under_our_kid_is_tampered(world):
    award = world.award()
    token = credentials.credential_jwt(award)
    claims = credentials.decode(token)
    forged = jwt.encode(
        claims,
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": jwt.get_unverified_header(token)["kid"]},
    )
    assert verifier.verify_text(forged).verdict == verifier.TAMPERED


def test_a_revoked_award_is_reported_revoked_everywhere(world):
    award = world.award()
    token = credentials.credential_jwt(award)
    award_revoke(actor=world.coordinator, award=award, reason="Cheating")
    assert verifier.verify_text(token).verdict == verifier.REVOKED
    assert verifier.verify_url(urls.assertion_url(award)).verdict == verifier.REVOKED
    status = documents.status_list_credential(world.school)
    assert is_set(status["credentialSubject"]["encodedList"], award.status_index)


def test_an_expired_award_is_reported_expired(world):
    from django.utils import timezone

    award = world.award()
    Award.objects.filter(pk=award.pk).update(expires_on=timezone.now())
    assert verifier.verify_url(urls.assertion_url(award)).verdict == verifier.EXPIRED


def test_a_tampered_baked_image_is_caught(world):
    award = world.award()
    document = documents.ob2_assertion(award)
    document["issuedOn"] = "2020-01-01T00:00:00+00:00"
    image = baking.bake_png(_tiny_png(), baking.OB2_KEY, json.dumps(document))
    assert verifier.verify_image(image).verdict == verifier.TAMPERED


def test_a_tampered_ob3_json_is_caught(world):
    award = world.award()
    credential = documents.ob3_credential(award)
    credential["credentialSubject"]["achievement"]["name"] = "Master of everything"
    assert verifier.verify_text(json.dumps(credential)).verdict == verifier.TAMPERED
    assert verifier.verify_text(json.dumps(documents.ob3_credential(award))).verdict == (
        verifier.VALID
    )


def test_badges_of_other_hosts_and_junk_are_recognised_as_such(world):
    assert verifier.verify_url("https://badges.example.org/a/1").verdict == (
        verifier.UNKNOWN_ISSUER
    )
    assert verifier.verify_text("hello").verdict == verifier.UNREADABLE
    assert verifier.verify_image(b"GIF89a").verdict == verifier.UNREADABLE
    assert (
        verifier.verify_url(
            "http://127.0.0.1:8000/ob/v2/assertions/00000000-0000-0000-0000-000000000000"
        ).verdict
        == verifier.NOT_FOUND
    )


def test_svg_badges_are_baked_as_svg(world):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    baked = baking.bake_svg(svg, baking.OB2_KEY, '{"id": "x"}', "https://example.org/a")
    assert baking.unbake(baked) == {"openbadges": '{"id": "x"}'}


def _tiny_png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(out, format="PNG")
    return out.getvalue()


def test_a_signed_credential_of_a_badge_with_a_validity_verifies(world):
    badge = world.make_badge(name_fi="Ensiapu", valid_days=365)
    token = credentials.credential_jwt(world.award(badge=badge))
    assert "exp" in jwt.decode(token, options={"verify_signature": False})
    result = verifier.verify_text(token)
    assert result.verdict == verifier.VALID


def test_a_signed_credential_past_its_exp_is_reported_expired(world):
    import datetime

    from django.utils import timezone

    badge = world.make_badge(name_fi="Ensiapu", valid_days=365)
    award = world.award(badge=badge)
    Award.objects.filter(pk=award.pk).update(expires_on=timezone.now() - datetime.timedelta(days=1))
    award.refresh_from_db()
    assert verifier.verify_text(credentials.credential_jwt(award)).verdict == verifier.EXPIRED
