"""A visit, a follow-up or a survey outside the viewer's scope answers 404, and a POST on
it changes nothing: no row, no audit entry, no notice."""

import pytest
from django.core import mail
from django.urls import reverse

from outreach.models import FollowUp, Question, Recipient, Survey, Visit
from partners.models import Membership
from tests.factories import OrganisationFactory, member
from tests.outreach.test_surveys import build
from tests.outreach.test_visits import TODAY, make_visit, visit_data
from tests.partners.test_outsiders import snapshot

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school", region="Etelä-Karjala")
    other_school = OrganisationFactory()
    return {
        "school": school,
        "company": OrganisationFactory(company=True, slug="virtanen", email="info@v.example"),
        "municipality": OrganisationFactory(kind="public_body"),
        "advisor": member(school, R.ADVISOR),
        "colleague": member(school, R.ADVISOR),
        "coordinator": member(school, R.COORDINATOR),
        "teacher": member(school, R.TEACHER),
        "other_advisor": member(other_school, R.ADVISOR),
        "other_coordinator": member(other_school, R.COORDINATOR),
    }


@pytest.mark.parametrize("who", ["teacher", "other_advisor"])
def test_an_outsider_cannot_edit_a_visit(client, world, who):
    visit = make_visit(world)
    before = snapshot(Visit, FollowUp)
    client.force_login(world[who])
    url = reverse("partners:visit_edit", args=[visit.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, visit_data(world, notes="Taken over")).status_code == 404
    assert snapshot(Visit, FollowUp) == before
    assert not mail.outbox


def test_a_visit_is_not_shown_to_other_roles(client, world):
    visit = make_visit(world)
    client.force_login(world["teacher"])
    assert client.get(reverse("partners:visit_detail", args=[visit.pk])).status_code == 404


@pytest.mark.parametrize("who", ["teacher", "other_advisor"])
def test_an_outsider_cannot_mark_a_follow_up_done(client, world, who):
    follow_up = FollowUp.objects.create(
        visit=make_visit(world), action="Call back", owner=world["colleague"], due_on=TODAY
    )
    before = snapshot(FollowUp)
    client.force_login(world[who])
    assert client.post(reverse("partners:follow_up_done", args=[follow_up.pk])).status_code == 404
    assert snapshot(FollowUp) == before


def _survey_urls(survey):
    question = survey.questions.order_by("position").last()
    return {
        "survey_detail": ([], {"question-kind": "text", "question-text": "Taken over"}),
        "survey_edit": ([], {"title": "Taken over", "organisation": survey.organisation_id}),
        "survey_status": ([], {"to": Survey.Status.OPEN}),
        "survey_send": ([], {"emails": "someone@example.org"}),
        "survey_results": ([], {}),
        "question_edit": ([question.pk], {"kind": "text", "text": "Taken over"}),
        "question_delete": ([question.pk], {}),
        "question_move": ([question.pk], {"direction": "up"}),
    }


GET_TOO = {"survey_detail", "survey_edit", "survey_results", "question_edit"}


@pytest.mark.parametrize("who", ["teacher", "other_coordinator", "other_advisor"])
@pytest.mark.parametrize(
    "name",
    [
        "survey_detail",
        "survey_edit",
        "survey_status",
        "survey_send",
        "survey_results",
        "question_edit",
        "question_delete",
        "question_move",
    ],
)
def test_an_outsider_cannot_reach_or_change_a_survey(client, world, who, name):
    survey = build(world)
    extra, data = _survey_urls(survey)[name]
    url = reverse(f"partners:{name}", args=[survey.pk, *extra])
    before = snapshot(Survey, Question, Recipient)
    client.force_login(world[who])
    if name in GET_TOO:
        assert client.get(url).status_code == 404
        assert client.get(url, {"format": "csv"}).status_code == 404
    assert client.post(url, data).status_code == 404
    assert snapshot(Survey, Question, Recipient) == before
    assert not mail.outbox


@pytest.mark.parametrize("name", ["question_edit", "question_delete", "question_move"])
def test_a_question_of_another_survey_is_a_404_through_ones_own(client, world, name):
    own = build(world)
    elsewhere = build({**world, "school": OrganisationFactory()})
    question = elsewhere.questions.order_by("position").last()
    before = snapshot(Question)
    client.force_login(world["coordinator"])
    url = reverse(f"partners:{name}", args=[own.pk, question.pk])
    assert client.post(url, {"kind": "text", "text": "Taken over"}).status_code == 404
    assert snapshot(Question) == before
