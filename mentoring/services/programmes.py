"""Programmes and enrolment: who takes part, in which role, and how they rate it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from core.records import save_data
from partners import rules as partner_rules

from ..errors import MentoringError
from ..models import Enrolment, Evaluation, Pair, Programme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User
    from partners.models import Sector

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _clean_enrolment(programme: Programme, data: dict) -> dict:
    if not (data.get("as_mentor") or data.get("as_mentee")):
        raise MentoringError(_("Enrol as a mentor, a mentee or both."), code="role")
    languages = [code for code in data.get("languages", []) if code]
    if not languages:
        raise MentoringError(_("Choose at least one language you can use."), code="languages")
    if set(languages) - LANGUAGE_CODES:
        raise MentoringError(_("Choose the languages from the list."), code="languages")
    capacity = data.get("capacity", programme.default_capacity)
    if capacity is None or capacity < 0:
        raise MentoringError(_("The number of mentees cannot be below zero."), code="capacity")
    if data.get("as_mentor") and not 1 <= capacity <= programme.max_capacity:
        raise MentoringError(
            _("A mentor takes from 1 to %(max)s mentees in this programme.")
            % {"max": programme.max_capacity},
            code="capacity",
        )
    months = [int(m) for m in data.get("months", [])]
    if any(not 1 <= m <= 12 for m in months):
        raise MentoringError(_("Months are numbered from 1 to 12."), code="months")
    return {**data, "languages": languages, "months": months, "capacity": capacity or 0}


#: The enrolment's own fields among the answers (its sectors are set apart).
_ENROLMENT_FIELDS = [name for name in Enrolment.ANSWERS if name != "sectors"]


@transaction.atomic
def enrol(
    *, actor: User, programme: Programme, data: dict, sectors: Iterable[Sector] = ()
) -> Enrolment:
    if not programme.enrolment_open:
        raise MentoringError(_("Enrolment to this programme is closed."), code="closed")
    if Enrolment.objects.filter(programme=programme, user=actor).exists():
        raise MentoringError(_("You are already enrolled in this programme."), code="enrolled")
    data = _clean_enrolment(programme, data)
    organisation = data.get("organisation")
    require(organisation is None or partner_rules.is_member(actor, organisation))
    enrolment = Enrolment.objects.create(
        programme=programme,
        user=actor,
        **{f: data[f] for f in _ENROLMENT_FIELDS if f in data},
    )
    enrolment.sectors.set(sectors)
    log_action(
        actor=actor, action="mentoring.enrolled", target=enrolment, organisation=organisation
    )
    return enrolment


@transaction.atomic
def enrolment_update(
    *, actor: User, enrolment: Enrolment, data: dict, sectors: Iterable[Sector] | None = None
) -> Enrolment:
    require(enrolment.user_id == actor.pk)
    data = _clean_enrolment(enrolment.programme, data)
    if data.get("as_mentor"):
        holding = enrolment.as_mentor_pairs.filter(status__in=Pair.HOLDING).count()
        if data["capacity"] < holding:
            raise MentoringError(
                _("You already have %(count)s mentees; the number cannot be lower.")
                % {"count": holding},
                code="capacity",
            )
    changed = {
        f: data[f] for f in _ENROLMENT_FIELDS if f in data and getattr(enrolment, f) != data[f]
    }
    if sectors is not None:
        changed["sectors"] = sectors
    save_data(enrolment, changed, created=False)
    return enrolment


@transaction.atomic
def evaluation_give(*, actor: User, programme: Programme, rating: int, text: str) -> Evaluation:
    require(Enrolment.objects.filter(programme=programme, user=actor).exists())
    evaluation, _created = Evaluation.objects.update_or_create(
        programme=programme, user=actor, defaults={"rating": rating, "text": text}
    )
    return evaluation
