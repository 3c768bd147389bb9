"""A call for pilots or a pilot application outside the viewer's scope, or outside their
part in it, answers 404, and a POST on it changes nothing: no row, no audit entry, no
notice."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Membership
from pilots import services
from pilots.models import (
    CallCriterion,
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
    Score,
)
from tests.factories import OrganisationFactory, member
from tests.partners.test_outsiders import snapshot
from tests.pilots.test_pilots import application_data, make_application, make_call, past_deadline

pytestmark = pytest.mark.django_db
R = Membership.Role
A = PilotApplication.Status
MODELS = (PilotCall, CallCriterion, PilotApplication, PilotAttachment, Score, ProgressReport)


@pytest.fixture
def world():
    organiser = OrganisationFactory(kind="association")
    school = OrganisationFactory()
    town = OrganisationFactory(kind="public_body")
    return {
        "organiser": organiser,
        "manager": member(organiser, R.COORDINATOR),
        "school": school,
        "town": town,
        "applicant": member(school, R.COORDINATOR),
        "reviewer": member(OrganisationFactory(), R.ADVISOR),
        "partner_coordinator": member(town, R.COORDINATOR),
        "other_coordinator": member(OrganisationFactory(), R.COORDINATOR),
    }


def _unchanged_after(client, person, requests):
    """Make each ``(method, url, data)`` request as ``person``: every one is a 404 and
    nothing is stored, audited or queued."""
    before = snapshot(*MODELS)
    client.force_login(person)
    for method, url, data in requests:
        assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert snapshot(*MODELS) == before
    assert not mail.outbox


CALL_DATA = {
    "title": "Taken over",
    "text": "x",
    "eligibility": "x",
    "deadline": "2031-03-31T16:00",
    "criteria-TOTAL_FORMS": "1",
    "criteria-INITIAL_FORMS": "0",
    "criteria-0-text": "Impact",
    "criteria-0-weight": "1",
    "criteria-0-max_score": "5",
}


@pytest.mark.parametrize("who", ["other_coordinator", "applicant", "reviewer"])
def test_only_the_organiser_manages_a_call(client, world, who):
    call = make_call(world, published=False)
    make_application(world, make_call(world))
    data = {**CALL_DATA, "organiser": world["organiser"].pk}
    urls = {
        name: reverse(f"partners:{name}", args=[call.pk])
        for name in ("pilot_call", "pilot_call_edit", "pilot_call_publish", "pilot_call_close")
    }
    _unchanged_after(
        client,
        world[who],
        [
            ("get", urls["pilot_call"], {}),
            ("get", urls["pilot_call_edit"], {}),
            ("post", urls["pilot_call_edit"], data),
            ("post", urls["pilot_call_publish"], {}),
            ("post", urls["pilot_call_close"], {}),
        ],
    )


@pytest.mark.parametrize("who", ["other_coordinator", "applicant"])
def test_the_ranking_is_for_the_organiser_and_the_reviewers(client, world, who):
    call = make_call(world)
    make_application(world, call)
    url = reverse("partners:pilot_ranking", args=[call.pk])
    _unchanged_after(client, world[who], [("get", url, {}), ("get", url, {"format": "csv"})])


def test_no_one_applies_to_an_unpublished_call(client, world):
    call = make_call(world, published=False)
    url = reverse("partners:pilot_apply", args=[call.pk])
    _unchanged_after(
        client, world["applicant"], [("get", url, {}), ("post", url, application_data(world))]
    )


def _application_requests(application, attachment):
    def url(name, *extra):
        return reverse(f"partners:{name}", args=[application.pk, *extra])

    criterion = application.call.criteria.first()
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 taken over")
    return {
        "view": [
            ("get", url("pilot_application"), {}),
            ("get", url("pilot_attachment", attachment.pk), {}),
        ],
        "edit": [
            ("get", url("pilot_application_edit"), {}),
            ("post", url("pilot_application_edit"), {"title": "Taken over"}),
            ("post", url("pilot_submit"), {}),
            ("post", url("pilot_withdraw"), {}),
            ("post", url("pilot_attachment_add"), {"title": "Plan", "file": upload}),
            ("post", url("pilot_attachment_delete", attachment.pk), {}),
            ("post", url("pilot_progress"), {"period": "Autumn", "text": "Taken over"}),
        ],
        "score": [("post", url("pilot_score"), {f"score_{criterion.pk}": "5"})],
        "decide": [("post", url("pilot_decide"), {"decision": "funded", "granted": "1"})],
    }


def _attached(application):
    return services.attachment_add(
        actor=application.contact,
        application=application,
        title="Budget",
        file=SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget"),
    )


#: Who may not do which group of requests on an application, in the status its rightful
#: party could make them: the draft is edited, the submitted one scored and decided.
CASES = [
    ("view", A.DRAFT, ["other_coordinator"]),
    ("edit", A.DRAFT, ["other_coordinator", "reviewer", "manager", "partner_coordinator"]),
    ("edit", A.FUNDED, ["other_coordinator", "reviewer", "partner_coordinator"]),
    ("score", A.SUBMITTED, ["other_coordinator", "applicant", "manager"]),
    ("decide", A.SUBMITTED, ["other_coordinator", "applicant", "reviewer"]),
]


@pytest.mark.parametrize(
    ("group", "status", "who"),
    [(group, status, who) for group, status, people in CASES for who in people],
)
def test_a_request_outside_ones_part_in_an_application_is_a_404(client, world, group, status, who):
    call = make_call(world)
    application = make_application(world, call, status=A.DRAFT)
    attachment = _attached(application)
    PilotApplication.objects.filter(pk=application.pk).update(status=status)
    if group in ("score", "decide"):
        past_deadline(call)
    requests = _application_requests(application, attachment)[group]
    _unchanged_after(client, world[who], requests)


def test_an_attachment_of_another_application_is_a_404_through_ones_own(client, world):
    call = make_call(world)
    own = make_application(world, call, status=A.DRAFT)
    elsewhere = make_application(world, call, status=A.DRAFT, lead=OrganisationFactory())
    attachment = _attached(elsewhere)
    download = reverse("partners:pilot_attachment", args=[own.pk, attachment.pk])
    delete = reverse("partners:pilot_attachment_delete", args=[own.pk, attachment.pk])
    _unchanged_after(client, world["applicant"], [("get", download, {}), ("post", delete, {})])
