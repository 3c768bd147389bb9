"""A POST on an exchange object outside the viewer's scope is a 404 and changes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from exchanges.models import (
    Application,
    ApplicationComment,
    LearningAgreement,
    MobilityRecord,
    PlacementOffer,
    SavedSearch,
    Signature,
)

pytestmark = pytest.mark.django_db
S = Application.Status

CONTENT = {
    "learning_outcomes": "Restoring wooden windows",
    "tasks": "Assist the carpenter",
    "assessment": "Demonstration at the workplace",
    "instructor": "Mart Tamm",
    "recognition": "Unit 3 of the qualification",
}


def post_as(client, person, url, data=None):
    client.force_login(person)
    return client.post(url, data or {})


def approved(world, status=S.APPROVED):
    application = world.application(status=status)
    Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
    application.refresh_from_db()
    return application


def unchanged(application):
    before = Application.objects.values().get(pk=application.pk)
    return lambda: Application.objects.values().get(pk=application.pk) == before


@pytest.mark.parametrize("who", ["other_student", "other_coordinator", "other_company_contact"])
@pytest.mark.parametrize("action", ["withdraw", "approve", "accept", "cancel"])
def test_a_move_on_someone_elses_application_is_a_404(client, world, who, action):
    application = approved(world, S.SUBMITTED if action == "approve" else S.APPROVED)
    same = unchanged(application)
    url = reverse("exchanges:application_action", args=[application.pk, action])
    response = post_as(client, world.person(who), url, {"comment": "Because."})
    assert response.status_code == 404
    assert same()
    assert not application.events.exists()


def test_the_host_cannot_move_an_application_before_the_home_school_approves(client, world):
    application = world.application(status=S.SUBMITTED)
    same = unchanged(application)
    url = reverse("exchanges:application_action", args=[application.pk, "reject"])
    response = post_as(client, world.host_contact, url, {"comment": "No."})
    assert response.status_code == 404
    assert same()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("exchanges:application_comment", {"body": "Hello", "visibility": "all"}),
        ("exchanges:application_rank", {"field": "host_rank", "rank": "1"}),
        ("exchanges:application_allow_overlap", {}),
        ("exchanges:mobility_edit", {"part_time_percent": "50"}),
        ("exchanges:mobility_feedback", {"rating": "5", "feedback": "Great"}),
        ("exchanges:mobility_recognise", {"credits": "5", "units": "Unit 3"}),
        ("exchanges:mobility_award_badges", {}),
        ("exchanges:agreement_send_link", {"email": "host@example.com"}),
    ],
)
def test_a_post_on_someone_elses_application_is_a_404(client, world, name, data):
    application = approved(world, S.IN_PROGRESS)
    MobilityRecord.objects.create(application=application)
    record = MobilityRecord.objects.values().get(application=application)
    same = unchanged(application)
    response = post_as(client, world.other_coordinator, reverse(name, args=[application.pk]), data)
    assert response.status_code == 404
    assert same()
    assert MobilityRecord.objects.values().get(application=application) == record
    assert not ApplicationComment.objects.exists()
    assert not AuditEntry.objects.exists()


def test_signing_someone_elses_agreement_is_a_404(client, world):
    application = approved(world, S.ACCEPTED)
    LearningAgreement.objects.create(application=application, **CONTENT)
    url = reverse("exchanges:agreement_sign", args=[application.pk, "home"])
    response = post_as(client, world.other_coordinator, url)
    assert response.status_code == 404
    assert not Signature.objects.exists()


@pytest.mark.parametrize("who", ["other_company_contact", "coordinator", "student"])
def test_moving_an_offer_one_does_not_manage_is_a_404(client, world, who):
    offer = world.offer
    before = PlacementOffer.objects.values().get(pk=offer.pk)
    url = reverse("exchanges:offer_action", args=[offer.pk, "close"])
    response = post_as(client, world.person(who), url)
    assert response.status_code == 404
    assert PlacementOffer.objects.values().get(pk=offer.pk) == before
    assert not AuditEntry.objects.exists()


def test_a_reviewer_moves_an_offer_waiting_for_review(client, world):
    PlacementOffer.objects.filter(pk=world.offer.pk).update(status=PlacementOffer.Status.REVIEW)
    url = reverse("exchanges:offer_action", args=[world.offer.pk, "send_back"])
    response = post_as(client, world.other_coordinator, url, {"comment": "Add the dates."})
    assert response.status_code == 302
    world.offer.refresh_from_db()
    assert world.offer.status == PlacementOffer.Status.DRAFT


def test_deleting_someone_elses_saved_search_is_a_404(client, world):
    search = SavedSearch.objects.create(user=world.student, name="Tartu")
    url = reverse("exchanges:saved_search_delete", args=[search.pk])
    response = post_as(client, world.other_student, url)
    assert response.status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()


def test_a_bulk_move_with_an_application_outside_the_queue_is_a_404(client, world):
    ours = world.application(status=S.SUBMITTED)
    theirs = world.application(
        status=S.SUBMITTED, applicant=world.other_student, home=world.other_school
    )
    same_ours, same_theirs = unchanged(ours), unchanged(theirs)
    response = post_as(
        client,
        world.coordinator,
        reverse("exchanges:queue_bulk"),
        {"action": "approve", "selected": [ours.pk, theirs.pk]},
    )
    assert response.status_code == 404
    assert same_ours() and same_theirs()


def test_a_bulk_move_by_someone_without_a_queue_is_a_404(client, world):
    application = world.application(status=S.SUBMITTED)
    same = unchanged(application)
    response = post_as(
        client,
        world.student,
        reverse("exchanges:queue_bulk"),
        {"action": "approve", "selected": [application.pk]},
    )
    assert response.status_code == 404
    assert same()


def test_an_allocation_round_on_another_hosts_offer_is_a_404(client, world):
    application = approved(world)
    same = unchanged(application)
    response = post_as(
        client,
        world.other_company_contact,
        reverse("exchanges:allocation"),
        {"offers": [world.offer.pk], "expected": [application.pk]},
    )
    assert response.status_code == 404
    assert same()
