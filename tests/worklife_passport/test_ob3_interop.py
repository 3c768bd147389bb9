"""Open Badges 3.0 credentials as an independent implementation (openbadgeslib) reads
them: signature against the issuer's did:web document or its public key, the OB 3.0
structure and registered claims, and the revocation status list, all served by the
portal (fetched through the test client, nothing leaves the machine)."""

from urllib.parse import urlsplit

import jwt
import pytest
from django.core.files.base import ContentFile
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier

from core.models import AuditEntry
from tests.factories import OrganisationFactory
from worklife_passport.models import Badge, IssuerKey, SigningAlgorithm
from worklife_passport.openbadges import credentials, documents, keys, urls
from worklife_passport.openbadges import verify as verifier
from worklife_passport.services.awards import award_revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetch(client):
    """What openbadgeslib downloads (DID documents, status lists), answered by the
    portal. did:web names an https address; the portal under test answers either."""

    def download(url: str) -> bytes:
        parts = urlsplit(url)
        assert parts.netloc in ("127.0.0.1:8000", "127.0.0.1%3A8000"), url
        response = client.get(parts.path)
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    return download


def _rs256(world, organisation=None):
    organisation = organisation or world.school
    keys.issuer_signing_algorithm_set(
        actor=world.staff, organisation=organisation, algorithm=SigningAlgorithm.RS256
    )
    return organisation


def _independently_verified(token, fetch, award):
    issuer = OB3Verifier.for_issuer_did(urls.did_for(award.badge.issuer), download=fetch)
    return issuer.verify(
        token,
        expected_recipient=documents.subject_id(award),
        check_status=True,
        download=fetch,
    )


def test_an_eddsa_credential_verifies_with_openbadgeslib(world, fetch):
    award = world.award()
    token = credentials.credential_jwt(award)
    assert jwt.get_unverified_header(token)["alg"] == "EdDSA"
    credential = _independently_verified(token, fetch, award)
    assert credential.issuer.id == urls.did_for(world.school)
    assert credential.recipient_id == documents.subject_id(award)


def test_an_rs256_credential_verifies_with_openbadgeslib(world, fetch):
    _rs256(world)
    award = world.award()
    token = credentials.credential_jwt(award)
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256"
    key = IssuerKey.objects.get(organisation=world.school, retired_at__isnull=True)
    assert key.algorithm == "RS256" and key.public_jwk["kty"] == "RSA"
    assert header["kid"] == f"{urls.did_for(world.school)}#{key.kid}"
    _independently_verified(token, fetch, award)
    # ... and with the public key given directly, without resolving the DID.
    OB3Verifier(pubkey_pem=keys.public_key(key)).verify(token)
    assert verifier.verify_text(token).verdict == verifier.VALID


def test_the_jwt_header_and_claims_are_those_of_ob3(world):
    award = world.award()
    token = credentials.credential_jwt(award)
    header = jwt.get_unverified_header(token)
    assert header["typ"] == "JWT"
    claims = credentials.decode(token)
    credential = documents.ob3_credential(award)
    assert claims["iss"] == credential["issuer"]["id"]
    assert claims["jti"] == credential["id"]
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert claims["nbf"] == int(award.issued_on.timestamp())


def test_the_subject_has_a_stable_id_of_its_own_beside_the_hashed_email(world):
    award = world.award()
    other = world.award(recipient=world.other_student)
    subject = documents.ob3_credential(award)["credentialSubject"]
    assert subject["id"].startswith("urn:uuid:")
    assert subject["id"] == documents.ob3_credential(award)["credentialSubject"]["id"]
    assert subject["id"] != documents.ob3_credential(other)["credentialSubject"]["id"]
    assert "sanni" not in subject["id"]
    assert subject["identifier"][0]["identityHash"] == documents.recipient_identity(
        "sanni@example.org", award.salt
    )


def test_a_revoked_credential_fails_openbadgeslibs_status_check(world, fetch):
    award = world.award()
    token = credentials.credential_jwt(award)
    award_revoke(actor=world.coordinator, award=award, reason="Awarded in error")
    with pytest.raises(OB3VerificationError, match="revocation"):
        _independently_verified(token, fetch, award)


def test_a_tampered_credential_fails_openbadgeslib(world, fetch):
    award = world.award()
    header, _payload, signature = credentials.credential_jwt(award).split(".")
    forged = credentials.credential_jwt(world.award(recipient=world.other_student))
    with pytest.raises(OB3VerificationError):
        _independently_verified(f"{header}.{forged.split('.')[1]}.{signature}", fetch, award)


def test_a_network_admin_chooses_rs256_in_the_admin(client, world):

    client.force_login(world.staff)
    response = client.post(
        "/admin/worklife_passport/issuersettings/add/",
        {"organisation": world.school.pk, "signing_algorithm": "RS256"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/worklife_passport/issuersettings/")
    assert AuditEntry.objects.filter(action="passport.issuer.signing_algorithm_set").exists()
    token = credentials.credential_jwt(world.award())
    assert jwt.get_unverified_header(token)["alg"] == "RS256"


def test_the_rsa_key_is_published_in_the_did_document(client, world):
    world.award()  # an EdDSA key first
    _rs256(world)
    world.award(recipient=world.other_student)
    document = client.get("/issuers/school/did.json").json()
    by_type = {m["publicKeyJwk"]["kty"]: m for m in document["verificationMethod"]}
    assert set(by_type) == {"OKP", "RSA"}
    rsa_method = by_type["RSA"]
    assert rsa_method["type"] == "JsonWebKey2020"
    assert rsa_method["controller"] == document["id"]
    assert rsa_method["id"] in document["assertionMethod"]
    assert set(rsa_method["publicKeyJwk"]) == {"kty", "n", "e"}


def test_credentials_signed_before_a_change_of_algorithm_still_verify(world, fetch):
    award = world.award()
    before = credentials.credential_jwt(award)
    _rs256(world)
    after = credentials.credential_jwt(award)
    assert jwt.get_unverified_header(after)["alg"] == "RS256"
    issuer = OB3Verifier.for_issuer_did(urls.did_for(world.school), download=fetch)
    for token in (before, after):
        issuer.verify(token)  # the kid picks the key out of the DID document
        assert verifier.verify_text(token).verdict == verifier.VALID
    # The status list is signed with the active key, which openbadgeslib takes to be the
    # first verification method of the DID document.
    _independently_verified(after, fetch, award)


def test_the_issuer_url_is_the_organisations_home_page(world):
    credential = documents.ob3_credential(world.award())
    assert credential["issuer"]["url"] == "https://school.example.org"
    plain = OrganisationFactory(slug="plain", website="")
    assert documents.issuer_home_page(plain) == urls.absolute(
        "partners:organisation_detail", slug="plain"
    )


def test_baked_ob3_images_are_read_by_openbadgeslib(client, world, fetch):
    award = world.award()
    client.force_login(world.student)
    png = client.get(f"/en/passport/awards/{award.public_id}/baked-ob3/").content
    token = OB3Verifier.extract_token_from_png(png)
    _independently_verified(token, fetch, award)

    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>'
    world.badge.image.save("b.svg", ContentFile(svg), save=False)
    Badge.objects.filter(pk=world.badge.pk).update(image=world.badge.image.name)
    response = client.get(f"/en/passport/awards/{award.public_id}/baked-ob3/")
    assert response["Content-Type"] == "image/svg+xml"
    # OB 3.0 bakes a VC-JWT into the verify attribute of openbadges:credential.
    token = OB3Verifier.extract_token_from_svg(response.content)
    _independently_verified(token, fetch, award)
    assert verifier.verify_image(response.content).verdict == verifier.VALID
