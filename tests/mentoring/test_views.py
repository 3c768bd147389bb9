import datetime

import pytest
from django.utils import timezone

from mentoring.models import Enrolment, Meeting, Pair

pytestmark = pytest.mark.django_db
PEOPLE = ["anonymous", "mentor", "mentee", "other", "coordinator", "other_coordinator", "staff"]


def open_as(client, world, who, url, method="get", data=None):
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    return getattr(client, method)(url, data or {})


def active_pair(world):
    pair = Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status="active",
        origin="round",
        started_at=timezone.now(),
    )
    Meeting.objects.create(
        pair=pair, date=timezone.localdate(), minutes=30, notes="Private thoughts about welding"
    )
    return pair


@pytest.mark.parametrize(
    ("who", "status", "sees_notes"),
    [
        ("anonymous", 302, False),
        ("mentor", 200, True),
        ("mentee", 200, True),
        ("other", 404, False),
        ("coordinator", 200, False),
        ("other_coordinator", 404, False),
        ("staff", 200, False),
    ],
)
def test_pair_page_and_private_notes(client, world, who, status, sees_notes):
    pair = active_pair(world)
    response = open_as(client, world, who, f"/en/mentoring/pairs/{pair.pk}/")
    assert response.status_code == status
    if status == 200:
        assert ("Private thoughts about welding" in response.content.decode()) is sees_notes


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("mentor", 404),
        ("mentee", 404),
        ("coordinator", 200),
        ("other_coordinator", 404),
        ("staff", 200),
    ],
)
def test_coordination_page_is_for_the_programmes_coordinators(client, world, who, status):
    url = f"/en/mentoring/programmes/{world.programme.pk}/coordination/"
    assert open_as(client, world, who, url).status_code == status


@pytest.mark.parametrize("who", PEOPLE)
def test_programme_pages_are_public(client, world, who):
    assert open_as(client, world, who, "/en/mentoring/").status_code == 200
    url = f"/en/mentoring/programmes/{world.programme.pk}/"
    assert open_as(client, world, who, url).status_code == 200


def test_enrolment_form_keeps_input_on_error(client, world):
    user = world.new_user()
    client.force_login(user)
    response = client.post(
        f"/en/mentoring/programmes/{world.programme.pk}/enrol/",
        {
            "as_mentor": "on",
            "capacity": "-2",
            "languages": ["fi"],
            "introduction": "I weld ships.",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "cannot be below zero" in body and "I weld ships." in body
    assert not Enrolment.objects.filter(user=user).exists()


def test_mentee_sees_suggestions_and_requests(client, world):
    client.force_login(world.mentee_user)
    page = client.get(f"/en/mentoring/programmes/{world.programme.pk}/")
    assert [m for m, _p in page.context["suggestions"]] == [world.mentor]
    client.post(f"/en/mentoring/mentors/{world.mentor.pk}/request/")
    assert Pair.objects.get().status == "proposed"


def test_a_meeting_in_the_future_is_refused_with_a_message(client, world):
    pair = active_pair(world)
    client.force_login(world.mentor_user)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        f"/en/mentoring/pairs/{pair.pk}/meetings/", {"date": tomorrow, "minutes": 30}, follow=True
    )
    assert "A meeting cannot be in the future" in response.content.decode()
    assert pair.meetings.count() == 1


@pytest.mark.parametrize("count", [5, 50])
def test_programme_list_query_count_is_fixed(client, world, count, django_assert_num_queries):
    from mentoring.models import Programme

    for n in range(count):
        programme = Programme.objects.create(
            name_en=f"P{n}",
            kind="one_to_one",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            enrol_from=timezone.localdate(),
            enrol_until=timezone.localdate(),
        )
        programme.organisers.add(world.school)
    with django_assert_num_queries(2):
        client.get("/en/mentoring/")


@pytest.mark.parametrize("count", [5, 50])
def test_matching_preview_query_count_is_fixed(client, world, count, django_assert_num_queries):
    from mentoring import services

    for _n in range(count):
        world.enrol(world.new_user(), as_mentee=True, skills_wanted=["welding"])
        world.enrol(world.new_user(), as_mentor=True, skills_offered=["welding"], capacity=1)
    services.round_preview(actor=world.coordinator, programme=world.programme)
    client.force_login(world.coordinator)
    url = f"/en/mentoring/programmes/{world.programme.pk}/coordination/"
    client.get(url)
    # session, user, roles, second factor, programme, coordinator checks (2), round, the
    # page's people and their sectors, pairs counted (none: no page of them to read)
    with django_assert_num_queries(11):
        client.get(url)


@pytest.mark.parametrize("count", [5, 50])
def test_pair_page_query_count_is_fixed(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    pair = active_pair(world)
    for n in range(count):
        Meeting.objects.create(pair=pair, date=timezone.localdate(), minutes=30, notes=f"n{n}")
        pair.goals.create(text=f"Goal {n}")
    client.force_login(world.mentor_user)
    client.get(f"/en/mentoring/pairs/{pair.pk}/")
    # session, user, roles, the pair (who may see it), the pair with its people,
    # coordinator checks, meetings, goals, history, feedback (unread count: cache)
    with django_assert_num_queries(11):
        client.get(f"/en/mentoring/pairs/{pair.pk}/")


def test_a_mentor_sees_mentees_to_invite_and_invites(client, world):
    client.force_login(world.mentor_user)
    page = client.get(f"/en/mentoring/programmes/{world.programme.pk}/")
    invitable = [mentee for mentee, _points in page.context["invitable"]]
    assert invitable[0] == world.mentee
    client.post(f"/en/mentoring/mentees/{world.mentee.pk}/invite/")
    pair = Pair.objects.get()
    assert pair.origin == "invitation" and pair.mentor_accepted_at is not None


def test_the_midpoint_milestone_needs_a_meeting_in_the_second_half(client, world):
    from mentoring.models import Programme

    pair = active_pair(world)
    Programme.objects.filter(pk=world.programme.pk).update(
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
        ends_on=timezone.localdate() + datetime.timedelta(days=100),
    )
    client.force_login(world.mentor_user)
    assert client.get(f"/en/mentoring/pairs/{pair.pk}/").context["midpoint_reached"]
    Meeting.objects.update(date=timezone.localdate() - datetime.timedelta(days=90))
    assert not client.get(f"/en/mentoring/pairs/{pair.pk}/").context["midpoint_reached"]
