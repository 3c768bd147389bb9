"""The coordination page of a programme: a round's proposals and the programme's pairs, in
pages, with a name and status filter, whatever the size of the round."""

import datetime
import re
from html import unescape
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring import matching, selectors
from mentoring.models import MatchingRound, Meeting, Pair
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PER_PAGE = selectors.ROUND_ROWS_PER_PAGE


def coordination_url(world, **query):
    url = f"/en/mentoring/programmes/{world.programme.pk}/coordination/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def preview(world, count):
    """A round of ``count`` proposals, each a mentor and a mentee of their own, named for
    their place in the round (``Mentor 007``, ``Mentee 007``)."""
    proposals = []
    for n in range(count):
        mentor = world.enrol(
            UserFactory(full_name=f"Mentor {n:03}"), as_mentor=True, skills_offered=["welding"]
        )
        mentee = world.enrol(
            UserFactory(full_name=f"Mentee {n:03}"), as_mentee=True, skills_wanted=["welding"]
        )
        proposals.append({"mentor": mentor.pk, "mentee": mentee.pk, "score": 40 + n % 50})
    return MatchingRound.objects.create(
        programme=world.programme,
        created_by=world.coordinator,
        proposals=proposals,
        total_score=sum(p["score"] for p in proposals),
    )


def programme_pairs(world, count, status=Pair.Status.COMPLETED):
    """``count`` earlier pairs of the programme, newest last, each with two meetings."""
    start = timezone.now() - datetime.timedelta(days=100)
    pairs = []
    for n in range(count):
        mentor = world.enrol(UserFactory(full_name=f"Old mentor {n:03}"), as_mentor=True)
        mentee = world.enrol(UserFactory(full_name=f"Old mentee {n:03}"), as_mentee=True)
        pair = Pair.objects.create(
            programme=world.programme,
            mentor=mentor,
            mentee=mentee,
            status=status,
            origin=Pair.Origin.ROUND,
            created_at=start + datetime.timedelta(hours=n),
            started_at=start,
        )
        for days in (1, 2):
            Meeting.objects.create(
                pair=pair, date=(start + datetime.timedelta(days=days)).date(), minutes=30
            )
        pairs.append(pair)
    return pairs


def page_as_coordinator(client, world, **query):
    client.force_login(world.coordinator)
    response = client.get(coordination_url(world, **query))
    assert response.status_code == 200
    return response


def link(body, label):
    """The query of the page link ``rel=label`` of the list whose parameter it names."""
    return [parse_qs(urlsplit(unescape(href)).query) for href in re.findall(label, body)]


# --- Queries and size ---------------------------------------------------------------------


@pytest.mark.parametrize("count", [5, 60])
def test_the_page_reads_a_fixed_number_of_queries_whatever_the_round(
    client, world, count, django_assert_num_queries
):
    preview(world, count)
    programme_pairs(world, count)
    client.force_login(world.coordinator)
    url = coordination_url(world)
    client.get(url)
    # session, user, roles, second factor, programme, coordinator checks (2), round,
    # the shown proposals' people and their sectors, pairs counted, a page of pairs,
    # which of them are quiet
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_a_name_search_adds_one_query_whatever_the_round(
    client, world, count, django_assert_num_queries
):
    preview(world, count)
    programme_pairs(world, count)
    client.force_login(world.coordinator)
    url = coordination_url(world, q="00", round_page=2, pairs_page=2)
    client.get(url)
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200


def test_the_explanation_is_worked_out_for_the_rows_shown_only(client, world):
    preview(world, 3 * PER_PAGE)
    with mock.patch.object(matching, "explain", wraps=matching.explain) as explain:
        page_as_coordinator(client, world, round_page=2)
    assert explain.call_count == PER_PAGE


def test_the_page_of_a_large_round_stays_small(client, world):
    preview(world, 300)
    programme_pairs(world, 300)
    body = page_as_coordinator(client, world).content
    assert len(body) < 100 * 1024
    assert body.count(b"Why this match") == PER_PAGE


# --- The round's proposals in pages ---------------------------------------------------------


def test_the_second_page_shows_the_next_proposals_with_their_explanation(client, world):
    preview(world, PER_PAGE + 5)
    body = page_as_coordinator(client, world, round_page=2).content.decode()
    shown = re.findall(r"<td>(Mentee \d+)</td>", body)
    assert shown == [f"Mentee {n:03}" for n in range(PER_PAGE, PER_PAGE + 5)]
    # Each row explains itself: welding wanted and offered is all the skill points.
    row = body[body.index(f"<td>Mentee {PER_PAGE:03}</td>") :].split("</tr>")[0]
    assert "Why this match" in row and "Skills" in row
    assert '<td class="num">40</td>' in row  # the default skills weight, all of it


def test_the_round_total_counts_the_whole_round_not_the_page(client, world):
    round_ = preview(world, PER_PAGE + 5)
    body = page_as_coordinator(client, world).content.decode()
    assert f"{PER_PAGE + 5} pairs, total score {round_.total_score}" in body


def test_page_links_keep_the_filters_and_the_other_lists_page(client, world):
    preview(world, 3 * PER_PAGE)
    programme_pairs(world, 2 * selectors.PAIRS_PER_PAGE)
    body = page_as_coordinator(
        client, world, q="0", status="completed", round_page=2, pairs_page=2
    ).content.decode()
    nexts = link(body, r'rel="next" href="([^"]+)"')
    prevs = link(body, r'rel="prev" href="([^"]+)"')
    round_next = next(q for q in nexts if "round_page" in q and q["round_page"] == ["3"])
    assert round_next["q"] == ["0"] and round_next["status"] == ["completed"]
    assert round_next["pairs_page"] == ["2"]
    pairs_prev = next(q for q in prevs if q.get("pairs_page") == ["1"])
    assert pairs_prev["q"] == ["0"] and pairs_prev["round_page"] == ["2"]


def test_a_page_number_out_of_range_shows_the_last_page(client, world):
    preview(world, PER_PAGE + 2)
    body = page_as_coordinator(client, world, round_page=99).content.decode()
    assert re.findall(r"<td>(Mentee \d+)</td>", body) == ["Mentee 025", "Mentee 026"]


# --- Finding a pair ------------------------------------------------------------------------


def test_a_name_finds_the_proposal_on_whatever_page_it_was(client, world):
    preview(world, 3 * PER_PAGE)
    body = page_as_coordinator(client, world, q="mentee 061").content.decode()
    assert re.findall(r"<td>(Mentee \d+)</td>", body) == ["Mentee 061"]
    assert "1 proposed pair has a mentor or mentee of that name." in body
    assert "Mentor 061" in body  # found by the mentee, shown with the mentor


def test_a_name_that_matches_nobody_says_so(client, world):
    preview(world, 3)
    body = page_as_coordinator(client, world, q="Nobody").content.decode()
    assert "No proposed pair has a mentor or mentee of that name." in body
    assert "Publish the pairs" in body  # the round is still there to publish


def test_the_programmes_pairs_are_found_by_name_and_status(client, world):
    completed = programme_pairs(world, 3)
    active = programme_pairs(world, 1, status=Pair.Status.ACTIVE)[0]
    body = page_as_coordinator(client, world, q="old mentee 001").content.decode()
    assert completed[1].get_absolute_url() in body
    assert completed[0].get_absolute_url() not in body
    body = page_as_coordinator(client, world, status="active").content.decode()
    assert active.get_absolute_url() in body
    assert not any(pair.get_absolute_url() in body for pair in completed)
    assert "1 pair found." in body


def test_the_second_page_of_pairs_shows_the_next_pairs(client, world):
    pairs = programme_pairs(world, selectors.PAIRS_PER_PAGE + 3)
    newest_first = pairs[::-1]
    body = page_as_coordinator(client, world, pairs_page=2).content.decode()
    shown = [p for p in newest_first if p.get_absolute_url() in body]
    assert shown == newest_first[selectors.PAIRS_PER_PAGE :]
    assert '<td class="num">2</td>' in body  # each pair's meetings, counted


def test_a_quiet_pair_on_the_page_is_marked(client, world):
    quiet = programme_pairs(world, 1, status=Pair.Status.ACTIVE)[0]  # last met 98 days ago
    body = page_as_coordinator(client, world).content.decode()
    row = body[body.index(quiet.get_absolute_url()) :].split("</tr>")[0]
    assert "No meeting for 21 days" in row


# --- What the coordinator does on the page ------------------------------------------------


def test_removing_a_proposal_goes_back_to_the_same_page_and_filters(client, world):
    round_ = preview(world, 3 * PER_PAGE)
    removed = round_.proposals[PER_PAGE + 1]
    body = page_as_coordinator(client, world, q="Men", round_page=2).content.decode()
    query = re.search(r'name="query" value="([^"]*)"', body).group(1)
    response = client.post(
        reverse("mentoring:round_remove", kwargs={"pk": world.programme.pk, "round_pk": round_.pk}),
        {"mentee": removed["mentee"], "query": unescape(query)},
    )
    assert response.status_code == 302
    assert parse_qs(urlsplit(response["Location"]).query) == {"q": ["Men"], "round_page": ["2"]}
    round_.refresh_from_db()
    assert removed not in round_.proposals and len(round_.proposals) == 3 * PER_PAGE - 1


def test_a_posted_query_back_to_the_page_keeps_only_the_pages_own_filters(client, world):
    round_ = preview(world, 2)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("mentoring:round_remove", kwargs={"pk": world.programme.pk, "round_pk": round_.pk}),
        {"mentee": round_.proposals[0]["mentee"], "query": "q=x&next=//evil.example&status=ended"},
    )
    assert response["Location"] == coordination_url(world) + "?q=x&status=ended"


def test_publishing_from_a_page_proposes_every_pair_of_the_round(client, world):
    round_ = preview(world, PER_PAGE + 5)
    page_as_coordinator(client, world, round_page=2)
    client.post(
        reverse("mentoring:round_publish", kwargs={"pk": world.programme.pk, "round_pk": round_.pk})
    )
    assert Pair.objects.filter(programme=world.programme, origin="round").count() == PER_PAGE + 5
    body = page_as_coordinator(client, world).content.decode()
    assert "Publish the pairs" not in body and "Remove" not in body


def test_a_round_with_no_proposal_left_offers_no_publishing(client, world):
    MatchingRound.objects.create(
        programme=world.programme, created_by=world.coordinator, proposals=[], total_score=0
    )
    body = page_as_coordinator(client, world).content.decode()
    assert "Publish the pairs" not in body
    assert "Run the round again" in body


# --- Who may see it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("mentor", 404),
        ("mentee", 404),
        ("other", 404),
        ("coordinator", 200),
        ("other_coordinator", 404),
        ("staff", 200),
    ],
)
def test_a_page_of_the_round_is_for_the_programmes_coordinators(client, world, who, status):
    preview(world, PER_PAGE + 1)
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    response = client.get(coordination_url(world, round_page=2, q="Mentee"))
    assert response.status_code == status
    if status != 200:
        assert b"Mentee 025" not in response.content


def test_a_person_named_a_coordinator_of_the_programme_sees_its_pages(client, world):
    preview(world, PER_PAGE + 1)
    named = UserFactory()
    world.programme.coordinators.add(named)
    client.force_login(named)
    response = client.get(coordination_url(world, round_page=2))
    assert response.status_code == 200
    assert b"Mentee 025" in response.content


# --- Valid HTML ----------------------------------------------------------------------------


def test_the_pages_of_a_round_are_valid_html(client, world, tmp_path):
    from tests.network_portal.test_html_validity import vnu_errors

    preview(world, 2 * PER_PAGE + 1)
    programme_pairs(world, selectors.PAIRS_PER_PAGE + 1)
    programme_pairs(world, 1, status=Pair.Status.ACTIVE)  # marked quiet
    for name, query in {
        "first": {},
        "middle": {"round_page": 2, "pairs_page": 2, "q": "e", "status": "completed"},
        "nothing-found": {"q": "Nobody"},
    }.items():
        body = page_as_coordinator(client, world, **query).content
        (tmp_path / f"coordination-{name}.html").write_bytes(body)
    errors = vnu_errors(tmp_path)
    assert errors == [], "The Nu HTML checker found errors:\n" + "\n".join(errors)
