"""The mentor badge button follows the rule the service applies; acceptances say what happened."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from core.workflow import perform
from mentoring import rules, services
from mentoring.errors import NotAllowed
from mentoring.models import Pair, Programme
from partners.models import Membership
from tests.factories import member
from worklife_passport.models import Award, Badge

pytestmark = pytest.mark.django_db
P = Pair.Status


def completed_pair(world, badge_issuer):
    badge = Badge.objects.create(
        issuer=badge_issuer, name_fi="Käänteinen mentori", criteria_fi="x", category="mentoring"
    )
    Programme.objects.filter(pk=world.programme.pk).update(kind="reverse", badge=badge)
    pair = Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=P.COMPLETED,
        origin=Pair.Origin.ROUND,
        started_at=timezone.now() - datetime.timedelta(days=30),
    )
    return Pair.objects.select_related("programme__badge").get(pk=pair.pk)


def award_button(client, pair):
    page = client.get(f"/en/mentoring/pairs/{pair.pk}/", follow=True).content.decode()
    return re.search(rf'action="/\w\w/mentoring/pairs/{pair.pk}/badge/"', page) is not None


def test_no_award_button_when_the_badge_belongs_to_another_school(client, world):
    pair = completed_pair(world, badge_issuer=world.other_school)
    assert rules.coordinates(world.coordinator, pair.programme)
    assert not rules.can_award_pair_badge(world.coordinator, pair)
    client.force_login(world.coordinator)
    assert not award_button(client, pair)
    with pytest.raises(NotAllowed):
        services.pair_award_badge(actor=world.coordinator, pair=pair)
    assert not Award.objects.exists()


def test_a_coordinator_of_both_sees_the_button_and_may_award(client, world):
    pair = completed_pair(world, badge_issuer=world.other_school)
    Membership.objects.create(
        user=world.coordinator, organisation=world.other_school, role=Membership.Role.COORDINATOR
    )
    assert rules.can_award_pair_badge(world.coordinator, pair)
    client.force_login(world.coordinator)
    assert award_button(client, pair)


def test_the_button_goes_once_the_badge_is_awarded_also_from_a_kept_page(client, world):
    pair = completed_pair(world, badge_issuer=world.school)
    client.force_login(world.coordinator)
    assert award_button(client, pair)  # sets the CSRF cookie: the page is kept from now on
    assert award_button(client, pair)
    response = client.post(f"/en/mentoring/pairs/{pair.pk}/badge/", follow=True)
    assert "The badge was awarded." in response.content.decode()
    assert Award.objects.get().recipient == world.mentor_user
    assert not award_button(client, pair)


def test_a_mentor_badge_button_for_nobody_outside_the_programme(client, world):
    pair = completed_pair(world, badge_issuer=world.school)
    outsider = member(world.school, Membership.Role.TEACHER)
    assert not rules.can_award_pair_badge(outsider, pair)
    assert not rules.can_award_pair_badge(world.mentor_user, pair)


def reads_english(user):
    """The recipient reads mail in English, the language these tests check."""
    user.language = "en"
    user.save(update_fields=["language"])


def round_pair(world):
    return Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=P.PROPOSED,
        origin=Pair.Origin.ROUND,
    )


def test_the_first_acceptance_says_it_waits_for_the_other_side(
    client, world, django_capture_on_commit_callbacks
):
    pair = round_pair(world)
    reads_english(world.mentee_user)
    client.force_login(world.mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(f"/en/mentoring/pairs/{pair.pk}/accept/", follow=True)
    text = page.content.decode()
    assert "You accepted the pair. It now waits for Sanni Opiskelija to accept." in text
    assert "The pair is now “Proposed”" not in text
    (notice,) = mail.outbox
    assert notice.to == [world.mentee_user.email]
    assert "Maija Mentori accepted the pair, waiting for you" in notice.subject
    assert "Maija Mentori accepted your mentoring pair" in notice.body
    assert "Proposed" not in notice.subject + notice.body


def test_the_second_acceptance_says_both_have_accepted(
    client, world, django_capture_on_commit_callbacks
):
    pair = round_pair(world)
    reads_english(world.mentor_user)
    perform(services.PAIRS, actor=world.mentor_user, obj=pair, action="accept")
    mail.outbox.clear()
    client.force_login(world.mentee_user)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(f"/en/mentoring/pairs/{pair.pk}/accept/", follow=True)
    assert "You have both accepted: the pair is now “Accepted by both”." in page.content.decode()
    (notice,) = mail.outbox
    assert notice.to == [world.mentor_user.email]
    assert "you have both accepted the pair" in notice.subject
    assert "you have both accepted, and the pair is now" in notice.body
