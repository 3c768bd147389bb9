"""The period itself: the record, feedback, recognition at home."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import require
from core.records import save_data

from .. import period, rules
from ..errors import ExchangeError, IllegalMove, NotAllowed
from ..models import Application, MobilityRecord
from .applications import application_transition
from .common import log_for_home

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from accounts.models import User
    from worklife_passport.models import Badge

S = Application.Status
RECORD_FIELDS = (
    "actual_start",
    "actual_end",
    "interruptions",
    "part_time_percent",
    "instructor",
    "skills_acquired",
    "arrival_reason",
    "departure_reason",
)


def _record(application: Application) -> MobilityRecord:
    record = MobilityRecord.objects.select_for_update().filter(application=application).first()
    if record is None:
        raise IllegalMove(_("The period has not started yet."), code="not_started")
    return record


@transaction.atomic
def mobility_update(*, actor: User, application: Application, data: dict) -> MobilityRecord:
    require(rules.parties(actor, application) & {rules.HOME, rules.HOST})
    record = _record(application)
    start = data.get("actual_start", record.actual_start)
    end = data.get("actual_end", record.actual_end)
    if start and end and end < start:
        raise ExchangeError(_("The end date cannot be before the start date."), code="dates")
    # A corrected date keeps to the same rules as the confirmed one.
    if start and start != record.actual_start:
        period.check_arrival(application, start, data.get("arrival_reason", record.arrival_reason))
    if end and (end != record.actual_end or start != record.actual_start):
        period.check_departure(
            application, end, data.get("departure_reason", record.departure_reason), arrival=start
        )
    changed = {f: data[f] for f in RECORD_FIELDS if f in data and getattr(record, f) != data[f]}
    if changed:
        save_data(record, changed, created=False)
        log_for_home(actor, "exchanges.mobility.updated", application, fields=list(changed))
    return record


@transaction.atomic
def mobility_feedback(*, actor: User, application: Application, rating: int, text: str) -> None:
    found = rules.parties(actor, application)
    if application.status not in (S.COMPLETED, S.RECOGNISED):
        raise IllegalMove(_("Feedback is given after the period."), code="not_completed")
    record = _record(application)
    if rules.APPLICANT in found:
        record.participant_rating, record.participant_feedback = rating, text
        fields = ["participant_rating", "participant_feedback"]
    elif rules.HOST in found:
        record.host_rating, record.host_feedback = rating, text
        fields = ["host_rating", "host_feedback"]
    else:
        raise NotAllowed
    record.save(update_fields=fields)
    log_for_home(actor, "exchanges.mobility.feedback", application)


@transaction.atomic
def mobility_recognise(
    *, actor: User, application: Application, credits: Decimal | None, units: str, comment: str = ""
) -> Application:
    record = _record(application)
    record.credits = credits
    record.units_recognised = units
    record.recognised_at = timezone.now()
    record.save(update_fields=["credits", "units_recognised", "recognised_at"])
    return application_transition(
        actor=actor, application=application, action="recognise", comment=comment
    )


@transaction.atomic
def mobility_award_badges(
    *, actor: User, application: Application, badges: Iterable[Badge]
) -> list:
    """Award, in one step, the passport badges linked to the offer's learning outcomes."""
    from worklife_passport.models import Award
    from worklife_passport.rules import can_award
    from worklife_passport.services.awards import award_create, holds

    require(rules.HOME in rules.parties(actor, application))
    if application.status not in (S.COMPLETED, S.RECOGNISED):
        raise IllegalMove(
            _("Badges are awarded when the period is completed."), code="not_completed"
        )
    linked = {badge.pk for badge in application.offer.badges.all()} if application.offer else set()
    awarded = []
    for badge in badges:
        require(badge.pk in linked and can_award(actor, badge))
        if holds(application.applicant, badge):
            continue
        awarded.append(
            award_create(
                actor=actor,
                badge=badge,
                source=Award.Source.EXCHANGE,
                recipient=application.applicant,
                evidence=str(
                    _("Workplace learning period at %(host)s") % {"host": application.host.name}
                ),
            )
        )
    return awarded
