"""The relationship of a pair: meetings, goals, feedback, and the pairs that have gone quiet."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from core.workflow import perform
from notifications.services import notify
from partners.models import lead_organisation_id

from .. import rules
from ..errors import IllegalMove, MentoringError
from ..models import Feedback, Goal, Meeting, Pair
from .pairs import PAIRS, about

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

P = Pair.Status


def _party(actor: User, pair: Pair) -> None:
    require(rules.side(actor, pair) is not None)


@transaction.atomic
def meeting_log(
    *, actor: User, pair: Pair, date: datetime.date, minutes: int, notes: str
) -> Meeting:
    pair = PAIRS.lock(pair)
    _party(actor, pair)
    if pair.status not in (P.ACCEPTED, P.ACTIVE):
        raise IllegalMove(_("Meetings are logged while the pair is active."), code="inactive")
    if date > timezone.localdate():
        raise MentoringError(_("A meeting cannot be in the future."), code="future")
    meeting = Meeting.objects.create(
        pair=pair, date=date, minutes=minutes, notes=notes, logged_by=actor
    )
    if pair.status == P.ACCEPTED:  # the first meeting starts the relationship
        pair = perform(PAIRS, actor=actor, obj=pair, action="start", first_meeting=True)
    log_action(
        actor=actor,
        action="mentoring.meeting.logged",
        target=pair,
        organisation=lead_organisation_id(pair.programme.organisers),
    )
    return meeting


@transaction.atomic
def goal_save(
    *, actor: User, pair: Pair, text: str, progress: int = 0, goal: Goal | None = None
) -> Goal:
    _party(actor, pair)
    if not 0 <= progress <= 100:
        raise MentoringError(_("Progress is from 0 to 100 per cent."), code="progress")
    if goal is None:
        return Goal.objects.create(pair=pair, text=text.strip()[:300], progress=progress)
    goal.text, goal.progress = text.strip()[:300] or goal.text, progress
    goal.save(update_fields=["text", "progress"])
    return goal


@transaction.atomic
def feedback_give(*, actor: User, pair: Pair, rating: int, text: str) -> Feedback:
    _party(actor, pair)
    if pair.status not in (P.COMPLETED, P.ENDED):
        raise IllegalMove(_("Feedback is given at the end."), code="not_ended")
    feedback, _created = Feedback.objects.update_or_create(
        pair=pair, author=actor, defaults={"rating": rating, "text": text}
    )
    return feedback


def quiet_pairs(*, today: datetime.date | None = None, days: int = 21) -> QuerySet[Pair]:
    """Active pairs with no meeting logged for ``days`` days."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    return (
        Pair.objects.filter(status=P.ACTIVE, started_at__date__lte=since)
        .exclude(meetings__date__gt=since)
        .select_related("programme", "mentor__user", "mentee__user")
    )


def alert_quiet_pairs(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    week = today.isocalendar()
    sent = 0
    for pair in quiet_pairs(today=today):
        people = set(pair.programme.coordinators.all())
        people |= set(
            get_user_model().objects.filter(
                memberships__organisation__in=pair.programme.organisers.all(),
                memberships__role="coordinator",
                is_active=True,
            )
        )
        for person in people:
            notify(
                kind="mentoring.quiet_pair",
                key=f"mentoring.quiet:{pair.pk}:{person.pk}:{week.year}-{week.week}",
                recipient=person,
                context=about(
                    pair, mentor=pair.mentor.user.full_name, mentee=pair.mentee.user.full_name
                ),
            )
            sent += 1
    return sent
