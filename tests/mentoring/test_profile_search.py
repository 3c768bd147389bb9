"""The programme page's search of the profiles it suggests: Finnish forms, the order of
the matching score kept, the words found marked, a fruitless query said so, and nobody
shown that the page would not suggest without the query."""

import datetime

import pytest
from django.utils import timezone

from core.models import SearchWord
from mentoring.models import Enrolment, Pair, Programme
from mentoring.services import pairs
from tests.factories import UserFactory
from tests.searching import marked, nothing_notice, page_text

pytestmark = pytest.mark.django_db


def _page(client, world, viewer, **query):
    client.force_login(viewer)
    return client.get(f"/en/mentoring/programmes/{world.programme.pk}/", query)


def _mentor(world, name, skills, **fields):
    return world.enrol(UserFactory(full_name=name), as_mentor=True, skills_offered=skills, **fields)


def _suggested(response):
    return [mentor for mentor, _points in response.context["suggestions"]]


def test_an_inflected_finnish_query_finds_the_mentor(client, world):
    welder = _mentor(world, "Hilkka Hitsari", ["hitsaus"])
    _mentor(world, "Leo Leipuri", ["leipominen"])
    assert _suggested(_page(client, world, world.mentee_user, q="hitsauksen")) == [welder]


def test_the_mentors_found_stay_in_the_order_of_their_score(client, world):
    world.mentee.skills_wanted = ["hitsaus", "juottaminen"]
    world.mentee.save()
    # Named for the query, so a title-first order would put this one first.
    partly = _mentor(world, "Aino Hitsaus", ["hitsaus"])
    fully = _mentor(world, "Veera Virtanen", ["hitsaus", "juottaminen"])
    _mentor(world, "Leo Leipuri", ["leipominen", "juottaminen"])
    response = _page(client, world, world.mentee_user, q="hitsaus")
    assert _suggested(response) == [fully, partly]
    scores = [sum(points.values()) for _mentor, points in response.context["suggestions"]]
    assert scores[0] > scores[1]


def test_the_words_found_are_marked(client, world):
    _mentor(world, "Hilkka Hitsari", ["hitsaus"], introduction="Opetan hitsausta.")
    response = _page(client, world, world.mentee_user, q="hitsauksen")
    assert "hitsaus" in marked(response)
    assert "<mark>" not in page_text(_page(client, world, world.mentee_user))


def test_a_mentor_finds_the_mentees_to_invite(client, world):
    world.other.skills_wanted = ["hitsaus"]
    world.other.save()
    response = _page(client, world, world.mentor_user, q="hitsauksen")
    assert [mentee for mentee, _points in response.context["invitable"]] == [world.other]
    assert "hitsaus" in marked(response)


def test_a_query_that_finds_nobody_says_so(client, world):
    response = _page(client, world, world.mentee_user, q="purjehdus")
    assert response.context["suggestions"] == []
    assert nothing_notice("purjehdus") in page_text(response)
    assert "Search profiles" in page_text(response)


def test_nobody_is_found_whom_the_page_would_not_suggest(client, world):
    world.mentor.skills_offered = ["hitsaus"]
    world.mentor.save()
    # The mentor's only place is taken: the page suggests them to nobody.
    Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status="active",
        origin="round",
        started_at=timezone.now(),
    )
    elsewhere = Programme.objects.create(
        name_en="Another programme",
        kind=Programme.Kind.ONE_TO_ONE,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=100),
        enrol_from=timezone.localdate(),
        enrol_until=timezone.localdate(),
    )
    Enrolment.objects.create(
        programme=elsewhere,
        user=UserFactory(full_name="Hilkka Hitsari"),
        as_mentor=True,
        skills_offered=["hitsaus"],
        languages=["fi"],
    )
    response = _page(client, world, world.other_user, q="hitsaus")
    assert response.context["suggestions"] == []
    assert "Hilkka" not in page_text(response) and "Maija" not in page_text(response)


def test_whoever_is_suggested_nobody_is_offered_no_search(client, world):
    loner = world.enrol(UserFactory(), as_mentee=True, languages=["sv"])
    _mentor(world, "Hilkka Hitsari", ["hitsaus"])
    for query in ({}, {"q": "hitsaus"}):
        response = _page(client, world, loner.user, **query)
        assert "Search profiles" not in page_text(response)
        assert "Nothing found" not in page_text(response)


def test_someone_not_enrolled_is_offered_no_search(client, world):
    _mentor(world, "Hilkka Hitsari", ["hitsaus"])
    response = _page(client, world, world.coordinator, q="hitsaus")
    assert "Search profiles" not in page_text(response) and "Hilkka" not in page_text(response)


@pytest.mark.parametrize("count", [3, 30])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, world, count, django_assert_num_queries
):
    world.mentee.skills_wanted = ["hitsaus"]
    world.mentee.save()
    for n in range(count):
        _mentor(world, f"Mentori {n}", ["hitsaus"], region=f"Alue {n}")
    client.force_login(world.mentee_user)
    url = f"/en/mentoring/programmes/{world.programme.pk}/"
    with django_assert_num_queries(24):
        response = client.get(url, {"q": "hitsauksen"})
    assert len(response.context["suggestions"]) == 3


def test_without_a_query_the_suggestions_are_those_of_today(client, world):
    _mentor(world, "Hilkka Hitsari", ["hitsaus"])
    for query in ({}, {"q": ""}, {"q": "   "}):
        response = _page(client, world, world.mentee_user, **query)
        assert response.context["suggestions"] == pairs.suggestions(world.mentee)
        assert "Nothing found" not in page_text(response)


def test_a_renamed_person_is_found_by_the_new_name_and_their_words_are_no_spellings(client, world):
    mentor = _mentor(world, "Hilkka Hitsari", ["hitsaus"])
    mentor.user.full_name = "Hilkka Juottaja"
    mentor.user.save()
    assert _suggested(_page(client, world, world.mentee_user, q="juottaja")) == [mentor]
    assert _suggested(_page(client, world, world.mentee_user, q="hitsari")) == []
    assert not SearchWord.objects.filter(word__in=["hilkka", "juottaja", "hitsari"]).exists()
