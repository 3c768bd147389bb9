"""A claim started twice, and the achievement type on the badge page in the reader's language."""

import contextlib
from unittest import mock

import pytest
from django.utils.translation import trans_real

from worklife_passport.models import Badge, Claim
from worklife_passport.services import claims

pytestmark = pytest.mark.django_db


def test_starting_a_claim_twice_from_the_page_opens_the_same_claim_with_a_message(client, world):
    client.force_login(world.student)
    url = f"/en/passport/badges/{world.badge.pk}/claim/"
    first = client.post(url)
    again = client.post(url, follow=True)
    claim = Claim.objects.get()
    assert first["Location"] == claim.get_absolute_url()
    assert again.redirect_chain[-1][0] == claim.get_absolute_url()
    assert "You already have an open claim for this badge" in again.content.decode()


def test_a_claim_started_at_the_same_moment_twice_is_one_claim_not_an_error(client, world):
    real_look = claims._open_claim
    looks = []

    def look_before_the_other_commits(actor, badge):
        looks.append(1)
        if len(looks) == 1:  # nothing yet; the other request commits its claim right after
            Claim.objects.bulk_create([Claim(student=actor, badge=badge)])
            return None
        return real_look(actor, badge)

    client.force_login(world.student)
    with mock.patch.object(claims, "_open_claim", look_before_the_other_commits):
        response = client.post(f"/en/passport/badges/{world.badge.pk}/claim/")
    claim = Claim.objects.get()
    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url()


@contextlib.contextmanager
def finnish(**entries):
    """Translations of the Finnish catalogue for the test: what the translators wrote."""
    catalogue = trans_real.translation("fi")._catalog._catalogs[0]
    before = {key: catalogue.get(key) for key in entries}
    catalogue.update(entries)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                catalogue.pop(key, None)
            else:
                catalogue[key] = value


def test_the_achievement_type_is_shown_in_the_readers_language(client, world):
    world.badge.achievement_type = Badge.AchievementType.COMPETENCY
    world.badge.save(update_fields=["achievement_type"])
    with finnish(**{"achievement type\x04Competency": "Osaaminen", "Competency": "Osaaminen"}):
        page = client.get(f"/fi/passport/badges/{world.badge.pk}/").content.decode()
    meta = page.split('<p class="meta">', 1)[1].split("</p>", 1)[0]
    assert "Osaaminen" in meta and "Competency" not in meta


def test_the_achievement_type_reads_as_words_in_english(client, world):
    world.badge.achievement_type = Badge.AchievementType.APPRENTICESHIP
    world.badge.save(update_fields=["achievement_type"])
    page = client.get(f"/en/passport/badges/{world.badge.pk}/").content.decode()
    assert "Apprenticeship certificate" in page and "ApprenticeshipCertificate" not in page
