"""``core.workflow``: one ``perform`` that locks, checks, saves, records and notifies.

A small workflow declared here moves real applications (``exchanges.Application``, its
own table, history in ``ApplicationEvent``); nothing is mocked.
"""

import datetime

import pytest
from django.utils import timezone, translation

from core.errors import DomainError, IllegalMove, NotAllowed
from core.models import AuditEntry
from core.workflow import COMMENT_NEEDED, Move, Workflow, from_states, perform
from exchanges.models import Application, ApplicationEvent
from tests.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db

S = Application.Status
ILLEGAL = "This cannot be done while the application is “%(status)s”."


def make_workflow(calls, *, prepare=None, after=None, offered=None):
    """Applicants submit and withdraw (with a reason); the home school's reviewer (any
    other user named ``reviewer``) decides, and ``decide`` picks its target in ``prepare``."""

    def lock(application):
        calls.append("lock")
        return Application.objects.select_for_update().get(pk=application.pk)

    def parties(user, application):
        if user is None:
            return frozenset()
        if user.pk == application.applicant_id:
            return frozenset({"applicant"})
        if user.email.startswith("reviewer"):
            return frozenset({"home"})
        return frozenset()

    def guard(change):
        calls.append(("guard", _stored_status(change.obj)))

    def record_prepare(change):
        calls.append(("prepare", _stored_status(change.obj)))
        if prepare is not None:
            prepare(change)

    def record_after(change):
        calls.append(("after", _stored_status(change.obj)))
        if after is not None:
            after(change)

    def notify(change):
        calls.append(("notify", _stored_status(change.obj)))

    def decide(change):
        change.target = S.APPROVED if change.extra.get("approve") else S.RETURNED

    moves = {
        "submit": Move(
            action="submit",
            label="Submit",
            target=S.SUBMITTED,
            sources=from_states([S.DRAFT, S.RETURNED], ["applicant"]),
            prepare=record_prepare,
            after=record_after,
        ),
        "withdraw": Move(
            action="withdraw",
            label="Withdraw",
            target=S.WITHDRAWN,
            sources=from_states([S.SUBMITTED], ["applicant"]),
            needs_comment=True,
            offered=offered,
        ),
        "decide": Move(
            action="decide",
            label="Decide",
            target=None,
            sources=from_states([S.SUBMITTED], ["home"]),
            prepare=decide,
        ),
    }
    return Workflow(
        name="tests.application",
        moves=moves,
        lock=lock,
        parties=parties,
        organisation=lambda application: application.home_id,
        illegal=ILLEGAL,
        history=ApplicationEvent,
        history_field="application",
        guard=guard,
        notify=notify,
        changed_at_field="status_changed_at",
    )


def _stored_status(application):
    return Application.objects.values_list("status", flat=True).get(pk=application.pk)


@pytest.fixture
def calls():
    """What the hooks saw, in the order they ran."""
    return []


@pytest.fixture
def application():
    return ApplicationFactory(status=S.DRAFT)


def test_a_move_reads_the_row_again_under_its_lock(calls, application):
    # Someone else submitted it meanwhile: the copy in hand is stale.
    Application.objects.filter(pk=application.pk).update(status=S.SUBMITTED)
    moved = perform(
        make_workflow(calls),
        actor=application.applicant,
        obj=application,
        action="withdraw",
        comment="Found another placement",
    )
    assert calls[0] == "lock"
    assert moved is not application
    assert _stored_status(application) == S.WITHDRAWN


def test_a_move_from_a_state_it_does_not_start_from_is_illegal(calls, application):
    with translation.override("en"), pytest.raises(IllegalMove) as refused:
        perform(
            make_workflow(calls),
            actor=application.applicant,
            obj=application,
            action="withdraw",
            comment="No longer interested",
        )
    assert refused.value.code == "illegal"
    assert str(refused.value) == "This cannot be done while the application is “Draft”."


def test_an_unknown_action_is_illegal(calls, application):
    with pytest.raises(IllegalMove) as refused:
        perform(make_workflow(calls), actor=application.applicant, obj=application, action="fly")
    assert refused.value.code == "unknown"
    assert calls == []  # refused before anything was read


def test_only_a_party_the_table_names_may_make_the_move(calls, application):
    with pytest.raises(NotAllowed):
        perform(make_workflow(calls), actor=UserFactory(), obj=application, action="submit")
    with pytest.raises(NotAllowed):
        perform(make_workflow(calls), actor=None, obj=application, action="submit")
    assert _stored_status(application) == S.DRAFT


def test_a_move_that_needs_a_comment_refuses_an_empty_one(calls, application):
    Application.objects.filter(pk=application.pk).update(status=S.SUBMITTED)
    with pytest.raises(DomainError) as refused:
        perform(
            make_workflow(calls),
            actor=application.applicant,
            obj=application,
            action="withdraw",
            comment="   ",
        )
    assert refused.value.code == "comment"
    assert refused.value.message == COMMENT_NEEDED
    assert _stored_status(application) == S.SUBMITTED


def test_hooks_run_guard_prepare_save_after_notify(calls, application):
    perform(make_workflow(calls), actor=application.applicant, obj=application, action="submit")
    assert calls == [
        "lock",
        ("guard", S.DRAFT),
        ("prepare", S.DRAFT),
        ("after", S.SUBMITTED),  # saved before what follows from it
        ("notify", S.SUBMITTED),
    ]


def test_only_the_state_and_the_fields_the_hooks_set_are_saved(calls, application):
    def prepare(change):
        change.set(submitted_at=change.now)
        change.obj.motivation = "changed without saying so"

    before = application.status_changed_at
    moved = perform(
        make_workflow(calls, prepare=prepare),
        actor=application.applicant,
        obj=application,
        action="submit",
    )
    stored = Application.objects.get(pk=application.pk)
    assert stored.status == S.SUBMITTED
    assert stored.submitted_at is not None
    assert stored.submitted_at == moved.submitted_at
    assert stored.status_changed_at == stored.submitted_at
    assert stored.status_changed_at > before
    assert stored.motivation == "I want to learn."


def test_prepare_may_decide_where_the_move_leads(calls, application):
    Application.objects.filter(pk=application.pk).update(status=S.SUBMITTED)
    reviewer = UserFactory(email="reviewer@example.org")
    perform(make_workflow(calls), actor=reviewer, obj=application, action="decide", approve=True)
    assert _stored_status(application) == S.APPROVED
    event = ApplicationEvent.objects.get(application=application)
    assert (event.from_status, event.to_status) == (S.SUBMITTED, S.APPROVED)


def test_each_move_writes_one_history_row(calls, application):
    Application.objects.filter(pk=application.pk).update(status=S.SUBMITTED)
    perform(
        make_workflow(calls),
        actor=application.applicant,
        obj=application,
        action="withdraw",
        comment="  Found another placement  ",
    )
    event = ApplicationEvent.objects.get(application=application)
    assert event.actor == application.applicant
    assert event.action == "withdraw"
    assert (event.from_status, event.to_status) == (S.SUBMITTED, S.WITHDRAWN)
    assert event.comment == "Found another placement"
    stored = Application.objects.get(pk=application.pk)
    assert event.created_at == stored.status_changed_at


def test_each_move_writes_one_audit_entry_with_its_organisation(calls, application):
    def prepare(change):
        change.data["note"] = "first try"

    perform(
        make_workflow(calls, prepare=prepare),
        actor=application.applicant,
        obj=application,
        action="submit",
    )
    entry = AuditEntry.objects.get()
    assert entry.action == "tests.application.submit"
    assert entry.actor == application.applicant
    assert entry.organisation_id == application.home_id
    assert entry.target_id == str(application.pk)
    assert entry.data == {"from": S.DRAFT, "to": S.SUBMITTED, "note": "first try"}


@pytest.mark.parametrize("refusing_hook", ["prepare", "after"])
def test_a_refusal_in_a_hook_leaves_nothing_behind(calls, application, refusing_hook):
    def refuse(change):
        change.set(submitted_at=change.now)
        raise DomainError("The offer has closed.", code="closed")

    workflow = make_workflow(calls, **{refusing_hook: refuse})
    with pytest.raises(DomainError, match="The offer has closed"):
        perform(workflow, actor=application.applicant, obj=application, action="submit")
    stored = Application.objects.get(pk=application.pk)
    assert (stored.status, stored.submitted_at) == (S.DRAFT, None)
    assert not ApplicationEvent.objects.filter(application=application).exists()
    assert not AuditEntry.objects.exists()
    assert ("notify", S.SUBMITTED) not in calls


def test_available_lists_the_moves_a_party_can_make_now(calls, application):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    workflow = make_workflow(calls, offered=lambda app: app.start_date > tomorrow)
    assert [m.action for m in workflow.available(application, frozenset({"applicant"}))] == [
        "submit"
    ]
    assert workflow.available(application, frozenset({"home"})) == []
    application.status = S.SUBMITTED
    assert [m.action for m in workflow.available(application, frozenset({"applicant"}))] == [
        "withdraw"
    ]
    application.start_date = tomorrow
    assert workflow.available(application, frozenset({"applicant"})) == []
    assert [m.action for m in workflow.available(application, frozenset({"home"}))] == ["decide"]
