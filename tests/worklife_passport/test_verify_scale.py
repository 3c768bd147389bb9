"""The public verify page under load: each address may check so many badges a minute, and
a credential's signature is checked with a key kept from the last check."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.network_portal.test_cache import SHARED_DOWN
from worklife_passport.models import IssuerKey
from worklife_passport.openbadges import credentials, documents, keys
from worklife_passport.openbadges import verify as verifier

pytestmark = pytest.mark.django_db

URL = "/en/passport/verify/"


def check(client, text, address="192.0.2.10"):
    return client.post(URL, {"text": text}, REMOTE_ADDR=address)


def test_an_address_that_checks_too_many_badges_is_told_to_wait(client, world, settings):
    settings.VERIFY_RATE_LIMIT = "3/m"
    text = credentials.credential_jwt(world.award())
    for _ in range(3):
        assert check(client, text).status_code == 200
    response = check(client, text)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = response.content.decode()
    assert "Wait a minute and try again" in body
    assert text in body  # what was pasted is still in the box
    assert "Valid." not in body
    # Another address is not held back, and reading the page is never limited.
    assert check(client, text, address="192.0.2.11").status_code == 200
    assert client.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 200


def test_the_message_is_in_the_readers_language(client, world, settings):
    settings.VERIFY_RATE_LIMIT = "1/m"
    client.post("/fi/passport/verify/", {"text": "x"}, REMOTE_ADDR="192.0.2.12")
    response = client.post("/fi/passport/verify/", {"text": "x"}, REMOTE_ADDR="192.0.2.12")
    assert response.status_code == 429
    assert "Wait a minute" not in response.content.decode()


def test_while_redis_cannot_be_reached_badges_are_still_verified(client, world, settings):
    settings.CACHES = {**settings.CACHES, "shared": SHARED_DOWN}
    settings.VERIFY_RATE_LIMIT = "1/m"
    text = credentials.credential_jwt(world.award())
    for _ in range(3):
        response = check(client, text)
        assert response.status_code == 200 and "Valid." in response.content.decode()


def test_a_credential_is_checked_with_the_key_kept_from_the_last_check(world):
    award = world.award()
    text = credentials.credential_jwt(award)
    assert verifier.verify_text(text).verdict == verifier.VALID
    with CaptureQueriesContext(connection) as queries:
        assert verifier.verify_text(text).verdict == verifier.VALID
    assert not any("worklife_passport_issuerkey" in q["sql"] for q in queries)
    assert len(queries) == 1  # the award itself


def test_a_key_kept_is_retired_when_the_keys_change(world):
    award = world.award()
    text = credentials.credential_jwt(award)
    assert verifier.verify_text(text).verdict == verifier.VALID
    IssuerKey.objects.filter(organisation=world.school).delete()
    assert verifier.verify_text(text).verdict == verifier.UNKNOWN_ISSUER


def test_a_key_kept_is_retired_when_its_organisations_address_changes(world):
    award = world.award()
    text = credentials.credential_jwt(award)
    assert verifier.verify_text(text).verdict == verifier.VALID
    world.school.slug = "renamed-school"
    world.school.save(update_fields=["slug"])
    # The credential names the DID of the old address, which no key answers to now.
    assert verifier.verify_text(text).verdict == verifier.UNKNOWN_ISSUER


def test_a_rotated_key_still_verifies_what_it_signed(world):
    award = world.award()
    text = credentials.credential_jwt(award)
    assert verifier.verify_text(text).verdict == verifier.VALID
    keys.rotate(world.school)
    assert verifier.verify_text(text).verdict == verifier.VALID
    assert verifier.verify_text(credentials.credential_jwt(award)).verdict == verifier.VALID


def test_a_credential_for_someone_else_is_tampered(world):
    award = world.award()
    other = world.award(recipient=world.other_student)
    claims = {**credentials.decode(credentials.credential_jwt(award))}
    claims["credentialSubject"] = documents.ob3_credential(other)["credentialSubject"]
    forged = credentials.sign(claims, world.school)  # signed by the issuer, but not issued
    assert verifier.verify_text(forged).verdict == verifier.TAMPERED
