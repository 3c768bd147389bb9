"""The pairs' workflow (``PAIRS``) through the core's ``perform``."""

import pytest
from django.core import mail
from django.utils import timezone

from core.models import AuditEntry
from core.workflow import perform
from mentoring import services
from mentoring.models import Goal, Pair, PairEvent
from mentoring.services import PAIRS

pytestmark = pytest.mark.django_db
P = Pair.Status


def new_pair(world, status=P.PROPOSED, **fields):
    return Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=status,
        origin=Pair.Origin.ROUND,
        **fields,
    )


def test_a_move_writes_one_history_row_and_one_audit_entry_for_the_lead_organiser(world):
    pair = new_pair(world, P.ACTIVE, started_at=timezone.now())
    perform(PAIRS, actor=world.mentor_user, obj=pair, action="complete")
    event = PairEvent.objects.get(pair=pair)
    assert (event.action, event.from_status, event.to_status) == ("complete", "active", "completed")
    entry = AuditEntry.objects.get(action="mentoring.pair.complete")
    assert entry.organisation == world.school
    assert entry.data == {"from": "active", "to": "completed"}


def test_the_goals_of_the_template_come_once_both_have_accepted(world):
    world.programme.goal_template = "Visit the workshop\n\nPlan the summer job"
    world.programme.save()
    pair = new_pair(world)
    perform(PAIRS, actor=world.mentor_user, obj=pair, action="accept")
    assert not Goal.objects.exists()
    perform(PAIRS, actor=world.mentee_user, obj=pair, action="accept")
    assert list(Goal.objects.values_list("text", flat=True)) == [
        "Visit the workshop",
        "Plan the summer job",
    ]


def test_the_other_side_hears_of_a_move(world, django_capture_on_commit_callbacks):
    pair = new_pair(world, P.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        perform(PAIRS, actor=world.coordinator, obj=pair, action="start")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.mentor_user.email, world.mentee_user.email]
    )


def test_the_first_meeting_starts_the_pair_through_the_workflow(
    world, django_capture_on_commit_callbacks
):
    pair = new_pair(world, P.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_log(
            actor=world.mentee_user, pair=pair, date=timezone.localdate(), minutes=30, notes=""
        )
    pair.refresh_from_db()
    assert pair.status == P.ACTIVE and pair.started_at is not None
    event = PairEvent.objects.get(pair=pair)
    assert (event.action, event.actor, event.to_status) == ("start", world.mentee_user, "active")
    assert AuditEntry.objects.filter(action="mentoring.pair.start").count() == 1
    assert mail.outbox == []  # a meeting, not a move someone else made, started it
