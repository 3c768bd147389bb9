"""Every move of the application workflow, legal and illegal, and who may make it."""

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import DomainError
from core.models import AuditEntry
from exchanges.errors import ExchangeError, IllegalMove, NoSeats, NotAllowed
from exchanges.models import Application, ApplicationEvent, MobilityRecord, PlacementOffer
from exchanges.services.applications import application_transition
from exchanges.workflow import APPLICATION_WORKFLOW

pytestmark = pytest.mark.django_db
TRANSITIONS = APPLICATION_WORKFLOW.moves
S = Application.Status

# (action, from status, who, to status)
LEGAL = [
    ("submit", S.DRAFT, "student", S.SUBMITTED),
    ("submit", S.RETURNED, "student", S.SUBMITTED),
    ("return", S.SUBMITTED, "coordinator", S.RETURNED),
    ("approve", S.SUBMITTED, "coordinator", S.APPROVED),
    ("approve", S.SUBMITTED, "staff", S.APPROVED),
    ("reject", S.SUBMITTED, "coordinator", S.REJECTED),
    ("reject", S.APPROVED, "host_contact", S.REJECTED),
    ("accept", S.APPROVED, "host_contact", S.ACCEPTED),
    ("accept", S.APPROVED, "staff", S.ACCEPTED),
    ("arrive", S.AGREEMENT_SIGNED, "coordinator", S.IN_PROGRESS),
    ("arrive", S.AGREEMENT_SIGNED, "host_contact", S.IN_PROGRESS),
    ("depart", S.IN_PROGRESS, "host_contact", S.COMPLETED),
    ("depart", S.IN_PROGRESS, "coordinator", S.COMPLETED),
    ("recognise", S.COMPLETED, "coordinator", S.RECOGNISED),
    ("withdraw", S.DRAFT, "student", S.WITHDRAWN),
    ("withdraw", S.SUBMITTED, "student", S.WITHDRAWN),
    ("withdraw", S.ACCEPTED, "student", S.WITHDRAWN),
    ("cancel", S.APPROVED, "coordinator", S.CANCELLED),
    ("cancel", S.AGREEMENT_SIGNED, "coordinator", S.CANCELLED),
]


def prepare(world, status):
    application = world.application(status=status)
    if status in (S.AGREEMENT_SIGNED, S.IN_PROGRESS):
        # The agreed period is today, so an arrival and a departure can be confirmed.
        today = timezone.localdate()
        Application.objects.filter(pk=application.pk).update(start_date=today, end_date=today)
    if status not in (S.DRAFT, S.SUBMITTED, S.RETURNED):
        Application.objects.filter(pk=application.pk).update(approved_at="2026-01-01T00:00Z")
    if status in Application.SEAT_STATES:
        PlacementOffer.objects.filter(pk=world.offer.pk).update(seats_taken=1)
    if status in (S.IN_PROGRESS, S.COMPLETED):
        MobilityRecord.objects.create(application=application)
    application.refresh_from_db()
    return application


def comment_for(action):
    return "Because." if TRANSITIONS[action].needs_comment else ""


@pytest.mark.parametrize(("action", "start", "who", "end"), LEGAL)
def test_legal_move_changes_state_logs_and_records_history(world, action, start, who, end):
    application = prepare(world, start)
    moved = application_transition(
        actor=world.person(who),
        application=application,
        action=action,
        comment=comment_for(action),
    )
    assert moved.status == end
    event = ApplicationEvent.objects.get(application=application)
    assert (event.from_status, event.to_status, event.action) == (start, end, action)
    assert event.actor == world.person(who)
    assert AuditEntry.objects.filter(action=f"exchanges.application.{action}").exists()


ILLEGAL = [
    (action, start)
    for action, transition in TRANSITIONS.items()
    for start in S.values
    if start not in transition.sources
]


@pytest.mark.parametrize(("action", "start"), ILLEGAL)
def test_a_move_from_a_state_not_in_the_table_is_refused(world, action, start):
    application = prepare(world, start)
    with pytest.raises(IllegalMove):
        application_transition(
            actor=world.staff if action != "submit" else world.student,
            application=application,
            action=action,
            comment="Because.",
        )
    application.refresh_from_db()
    assert application.status == start
    assert not ApplicationEvent.objects.exists()


# Who may take each move from a state where it is legal.
MATRIX = [
    # action, start, allowed people
    ("submit", S.DRAFT, {"student"}),
    ("approve", S.SUBMITTED, {"coordinator", "staff"}),
    ("return", S.SUBMITTED, {"coordinator", "staff"}),
    ("accept", S.APPROVED, {"host_contact", "staff"}),
    ("reject", S.APPROVED, {"host_contact", "staff"}),
    ("arrive", S.AGREEMENT_SIGNED, {"coordinator", "host_contact", "staff"}),
    ("recognise", S.COMPLETED, {"coordinator", "staff"}),
    ("withdraw", S.SUBMITTED, {"student"}),
    ("cancel", S.ACCEPTED, {"coordinator", "staff"}),
]
PEOPLE = [
    "student",
    "other_student",
    "teacher",
    "coordinator",
    "other_coordinator",
    "host_contact",
    "other_company_contact",
    "staff",
]


@pytest.mark.parametrize(("action", "start", "allowed"), MATRIX)
@pytest.mark.parametrize("who", PEOPLE)
def test_only_the_right_party_may_move(world, action, start, allowed, who):
    application = prepare(world, start)
    call = lambda: application_transition(  # noqa: E731
        actor=world.person(who),
        application=application,
        action=action,
        comment=comment_for(action),
    )
    if who in allowed:
        assert call().status == TRANSITIONS[action].target
    else:
        with pytest.raises(NotAllowed):
            call()
        application.refresh_from_db()
        assert application.status == start


@pytest.mark.parametrize("action", ["return", "reject", "cancel"])
def test_moves_that_need_a_reason_refuse_an_empty_comment(world, action):
    start = next(iter(TRANSITIONS[action].sources))
    application = prepare(world, start)
    who = "coordinator" if "home" in TRANSITIONS[action].sources[start] else "host_contact"
    with pytest.raises(DomainError) as error:
        application_transition(
            actor=world.person(who), application=application, action=action, comment="  "
        )
    assert error.value.code == "comment"


def test_accepting_takes_a_seat_and_fills_the_offer(world):
    first = prepare(world, S.APPROVED)
    PlacementOffer.objects.filter(pk=world.offer.pk).update(seats_taken=1)
    application_transition(actor=world.host_contact, application=first, action="accept")
    world.offer.refresh_from_db()
    assert (world.offer.seats_taken, world.offer.status) == (2, PlacementOffer.Status.FILLED)


def test_accepting_beyond_the_seats_is_refused(world):
    PlacementOffer.objects.filter(pk=world.offer.pk).update(seats_taken=2)
    application = prepare(world, S.APPROVED)
    with pytest.raises(NoSeats):
        application_transition(actor=world.host_contact, application=application, action="accept")
    application.refresh_from_db()
    assert application.status == S.APPROVED


def test_withdrawing_an_accepted_place_gives_the_seat_back(world):
    application = prepare(world, S.ACCEPTED)
    PlacementOffer.objects.filter(pk=world.offer.pk).update(seats_taken=2, status="filled")
    application_transition(actor=world.student, application=application, action="withdraw")
    world.offer.refresh_from_db()
    assert (world.offer.seats_taken, world.offer.status) == (1, PlacementOffer.Status.PUBLISHED)


def test_submitting_to_a_closed_offer_is_refused(world):
    application = prepare(world, S.DRAFT)
    PlacementOffer.objects.filter(pk=world.offer.pk).update(status="closed")
    with pytest.raises(ExchangeError) as error:
        application_transition(actor=world.student, application=application, action="submit")
    assert error.value.code == "closed"


def test_overlapping_active_applications_are_refused_unless_allowed(world):
    from exchanges.services.applications import application_allow_overlap

    prepare(world, S.SUBMITTED)
    second = world.application(status=S.DRAFT, offer=second_offer(world))
    with pytest.raises(ExchangeError) as error:
        application_transition(actor=world.student, application=second, action="submit")
    assert error.value.code == "overlap"
    with pytest.raises(NotAllowed):
        application_allow_overlap(actor=world.student, application=second)
    application_allow_overlap(actor=world.coordinator, application=second)
    second.refresh_from_db()
    assert (
        application_transition(actor=world.student, application=second, action="submit").status
        == S.SUBMITTED
    )


def test_a_withdrawn_application_does_not_block_another_period(world):
    prepare(world, S.WITHDRAWN)
    second = world.application(status=S.DRAFT, offer=second_offer(world))
    assert (
        application_transition(actor=world.student, application=second, action="submit").status
        == S.SUBMITTED
    )


def second_offer(world):
    """A second offer over the same dates."""
    from tests.factories import OfferFactory

    return OfferFactory(host=world.other_company, start_date=world.offer.start_date)


def test_each_move_notifies_the_parties(world, django_capture_on_commit_callbacks):
    application = prepare(world, S.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor=world.student, application=application, action="submit")
    assert [m.to for m in mail.outbox] == [[world.coordinator.email]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor=world.coordinator, application=application, action="approve")
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([world.student.email, world.host_contact.email])
    student_mail = next(m for m in mail.outbox if m.to == [world.student.email])
    assert "Approved by the home school" in student_mail.subject


def test_arrival_and_departure_fill_the_mobility_record(world):
    application = prepare(world, S.AGREEMENT_SIGNED)
    application_transition(actor=world.host_contact, application=application, action="arrive")
    record = MobilityRecord.objects.get(application=application)
    assert record.arrival_confirmed_at is not None
    assert record.actual_start is not None
    application_transition(actor=world.coordinator, application=application, action="depart")
    record.refresh_from_db()
    assert record.departure_confirmed_at is not None and record.actual_end is not None
