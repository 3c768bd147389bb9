"""The hosted Open Badges 2.0 documents and the other documents machines fetch."""

import pytest
from django.conf import settings as django_settings

from worklife_passport.models import Endorsement
from worklife_passport.openbadges import documents

pytestmark = pytest.mark.django_db


def test_the_issuer_profile_carries_the_organisations_contact_email(client, world):
    world.school.email = "info@school.example.org"
    world.school.save(update_fields=["email"])
    world.award()
    profile = client.get("/ob/v2/issuers/school").json()
    assert profile["email"] == "info@school.example.org"
    assert profile["url"] == "https://school.example.org"


def test_an_issuer_without_a_contact_email_shows_the_networks(client, world, settings):
    settings.BADGE_ISSUER_EMAIL = "badges@network.example"
    assert world.school.email == ""
    world.award()
    assert client.get("/ob/v2/issuers/school").json()["email"] == "badges@network.example"
    assert documents.ob2_issuer(world.school)["email"] == "badges@network.example"


def test_there_is_a_network_contact_email_by_default():
    assert "@" in django_settings.BADGE_ISSUER_EMAIL


@pytest.mark.parametrize("preferred", ["fi", "sv", "ru"])
def test_machine_documents_say_they_are_english_whatever_the_visitor_prefers(
    client, world, preferred
):
    award = world.award()
    endorsement = Endorsement.objects.create(
        badge=world.badge, organisation=world.company, comment="Good"
    )
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = preferred
    for address in (
        "/ob/v2/issuers/school",
        f"/ob/v2/badges/{world.badge.pk}",
        f"/ob/v2/assertions/{award.public_id}",
        f"/ob/v2/endorsements/{endorsement.public_id}",
        "/issuers/school/did.json",
        "/ob/v3/status/school",
    ):
        response = client.get(address, HTTP_ACCEPT_LANGUAGE=preferred)
        assert response.status_code == 200, address
        assert response["Content-Language"] == "en", address


def test_a_revoked_assertion_is_english_too(client, world):
    from worklife_passport.services.awards import award_revoke

    award = world.award()
    award_revoke(actor=world.coordinator, award=award, reason="Awarded in error")
    response = client.get(f"/ob/v2/assertions/{award.public_id}", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 410
    assert response["Content-Language"] == "en"
