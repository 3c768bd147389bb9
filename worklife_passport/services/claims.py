"""Claims: the student's evidence, the assessor's decision, the supervisor's word."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.audit import log_action
from notifications.services import notify

from .. import rules
from ..errors import IllegalMove, NotAllowed, PassportError
from ..models import Award, Badge, Claim, ClaimEvent, EvidenceFile
from .awards import award_create, holds

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models import QuerySet

    from accounts.models import User

S = Claim.Status
STUDENT = "student"
ASSESSOR = "assessor"
_SUPERVISOR_SALT = "passport.claim.supervisor"


@dataclass(frozen=True)
class Move:
    action: str
    label: StrOrPromise
    sources: tuple[str, ...]
    target: str
    party: str
    needs_comment: bool = False


MOVES = {
    m.action: m
    for m in (
        Move("submit", _("Submit for assessment"), (S.DRAFT,), S.SUBMITTED, STUDENT),
        Move("resubmit", _("Submit again"), (S.RETURNED,), S.RESUBMITTED, STUDENT),
        Move(
            "return",
            _("Return for changes"),
            (S.SUBMITTED, S.RESUBMITTED),
            S.RETURNED,
            ASSESSOR,
            needs_comment=True,
        ),
        Move("approve", _("Approve and award"), (S.SUBMITTED, S.RESUBMITTED), S.APPROVED, ASSESSOR),
        Move(
            "reject",
            _("Reject"),
            (S.SUBMITTED, S.RESUBMITTED),
            S.REJECTED,
            ASSESSOR,
            needs_comment=True,
        ),
    )
}


def available(claim: Claim, user: User) -> list[Move]:
    party = set()
    if claim.student_id == getattr(user, "pk", None):
        party.add(STUDENT)
    if rules.can_assess(user, claim.badge):
        party.add(ASSESSOR)
    return [m for m in MOVES.values() if claim.status in m.sources and m.party in party]


def claim_start(*, actor: User, badge: Badge) -> Claim:
    """The student's open claim for ``badge``, started if there is none."""
    return claim_open(actor=actor, badge=badge)[0]


def _open_claim(actor: User, badge: Badge) -> Claim | None:
    return Claim.objects.filter(
        student=actor, badge__family=badge.family, status__in=Claim.OPEN_STATES
    ).first()


@transaction.atomic
def claim_open(*, actor: User, badge: Badge) -> tuple[Claim, bool]:
    """The student's open claim for ``badge``: ``(claim, created)``. Starting it twice,
    even at the same moment, gives the same claim (the constraint decides)."""
    if not badge.is_active or not badge.is_current:
        raise PassportError(_("This badge is not awarded any more."), code="inactive")
    if holds(actor, badge):
        raise PassportError(_("You already hold this badge."), code="already_held")
    existing = _open_claim(actor, badge)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            claim = Claim.objects.create(student=actor, badge=badge)
    except IntegrityError:
        # A second request started it in between: that claim is the one.
        existing = _open_claim(actor, badge)
        if existing is None:
            raise
        return existing, False
    log_action(
        actor=actor, action="passport.claim.created", target=claim, organisation=badge.issuer
    )
    return claim, True


EDITABLE = ("narrative", "links", "supervisor_name", "supervisor_email")


@transaction.atomic
def claim_update(*, actor: User, claim: Claim, data: dict) -> Claim:
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.student_id != actor.pk:
        raise NotAllowed
    if claim.status not in (S.DRAFT, S.RETURNED):
        raise IllegalMove(_("A submitted claim cannot be changed."), code="not_editable")
    changed = [f for f in EDITABLE if f in data and getattr(claim, f) != data[f]]
    for field in changed:
        setattr(claim, field, data[field])
    if {"supervisor_email", "supervisor_name"} & set(changed):
        claim.supervisor_confirmed_at = None  # a new supervisor must confirm again
        claim.supervisor_link_used_at = None
        changed += ["supervisor_confirmed_at", "supervisor_link_used_at"]
    if changed:
        claim.save(update_fields=changed)
    return claim


@transaction.atomic
def evidence_add(*, actor: User, claim: Claim, file: UploadedFile, name: str = "") -> EvidenceFile:
    if claim.student_id != actor.pk or claim.status not in (S.DRAFT, S.RETURNED):
        raise NotAllowed
    evidence = EvidenceFile(claim=claim, file=file, name=name or file.name or "")
    evidence.full_clean()
    evidence.save()
    return evidence


def _missing_evidence(claim: Claim) -> list[str]:
    badge = claim.badge
    missing = []
    if badge.needs(Badge.Evidence.TEXT) and not claim.narrative.strip():
        missing.append(str(Badge.Evidence.TEXT.label))
    if badge.needs(Badge.Evidence.LINK) and not claim.links:
        missing.append(str(Badge.Evidence.LINK.label))
    if badge.needs(Badge.Evidence.FILE) and not claim.files.exists():
        missing.append(str(Badge.Evidence.FILE.label))
    if badge.needs(Badge.Evidence.SUPERVISOR) and not claim.supervisor_email:
        missing.append(str(Badge.Evidence.SUPERVISOR.label))
    return missing


def _assessors(badge: Badge) -> QuerySet[User]:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=badge.issuer_id,
            memberships__role__in=rules.assessor_roles(badge),
            is_active=True,
        )
        .distinct()
    )


def _link(claim: Claim) -> dict:
    return {"name": "passport:claim_detail", "kwargs": {"pk": claim.pk}}


@transaction.atomic
def claim_transition(*, actor: User, claim: Claim, action: str, comment: str = "") -> Claim:
    move = MOVES.get(action)
    if move is None:
        raise IllegalMove(_("Unknown action."), code="unknown")
    claim = (
        Claim.objects.select_for_update()
        .select_related("badge", "badge__issuer", "student")
        .get(pk=claim.pk)
    )
    if claim.status not in move.sources:
        raise IllegalMove(
            _("This cannot be done while the claim is “%(status)s”.")
            % {"status": claim.get_status_display()},
            code="illegal",
        )
    if move.party == STUDENT and claim.student_id != actor.pk:
        raise NotAllowed
    if move.party == ASSESSOR and not rules.can_assess(actor, claim.badge):
        raise NotAllowed
    if move.party == ASSESSOR and claim.student_id == actor.pk:
        raise NotAllowed(_("You cannot assess your own claim."))
    comment = comment.strip()
    if move.needs_comment and not comment:
        raise PassportError(_("Please write the reason in the comment."), code="comment")
    if move.party == STUDENT:
        missing = _missing_evidence(claim)
        if missing:
            raise PassportError(
                _("The badge needs this evidence: %(missing)s.") % {"missing": ", ".join(missing)},
                code="evidence",
            )
    if (
        action == "approve"
        and claim.badge.needs(Badge.Evidence.SUPERVISOR)
        and (claim.supervisor_confirmed_at is None)
    ):
        raise PassportError(
            _("The workplace supervisor has not confirmed this claim yet."), code="supervisor"
        )

    before, now = claim.status, timezone.now()
    claim.status = move.target
    claim.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if move.party == STUDENT:
        claim.submitted_at = now
        fields.append("submitted_at")
    else:
        claim.assessor, claim.decided_at = actor, now
        fields += ["assessor", "decided_at"]
    claim.save(update_fields=fields)
    ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        action=action,
        from_status=before,
        to_status=claim.status,
        comment=comment,
        created_at=now,
    )
    log_action(
        actor=actor,
        action=f"passport.claim.{action}",
        target=claim,
        organisation=claim.badge.issuer,
        data={"from": before, "to": claim.status},
    )

    if action == "approve":
        award_create(
            actor=actor,
            badge=claim.badge,
            source=Award.Source.CLAIM,
            recipient=claim.student,
            evidence=claim.narrative,
            claim=claim,
        )
    context = {
        "badge": claim.badge.name,
        "student": claim.student.full_name,
        "status": claim.status,
        "comment": comment,
        "link": _link(claim),
    }
    key = f"passport.claim:{claim.pk}:{action}:{now:%s%f}"
    if move.party == STUDENT:
        for person in _assessors(claim.badge):
            if person.pk != actor.pk:
                notify(
                    kind="passport.claim_moved",
                    key=f"{key}:{person.pk}",
                    recipient=person,
                    context=context,
                )
        if claim.supervisor_email and claim.supervisor_confirmed_at is None:
            _send_supervisor_link(claim)
    elif action != "approve":  # an approval is told by the award notice
        notify(kind="passport.claim_moved", key=key, recipient=claim.student, context=context)
    return claim


def supervisor_token(claim: Claim) -> str:
    return signing.dumps(
        {"claim": claim.pk, "email": claim.supervisor_email}, salt=_SUPERVISOR_SALT, compress=True
    )


def _send_supervisor_link(claim: Claim) -> None:
    language = claim.student.language or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL + reverse(
            "passport:supervisor_confirm", kwargs={"token": supervisor_token(claim)}
        )
    notify(
        kind="passport.supervisor_request",
        key=f"passport.supervisor:{claim.pk}:{claim.supervisor_email}:{claim.status_changed_at:%s}",
        email=claim.supervisor_email,
        language=language,
        context={
            "student": claim.student.full_name,
            "badge": claim.badge.name,
            "supervisor": claim.supervisor_name,
            "narrative": claim.narrative[:1000],
            "secret_url": url,
            "valid_days": settings.SIGNING_LINK_VALID_DAYS,
        },
    )


def claim_from_supervisor_token(token: str) -> Claim:
    try:
        data = signing.loads(
            token, salt=_SUPERVISOR_SALT, max_age=settings.SIGNING_LINK_VALID_DAYS * 24 * 3600
        )
    except signing.SignatureExpired as error:
        raise PassportError(_("This confirmation link has expired."), code="expired") from error
    except signing.BadSignature as error:
        raise PassportError(_("This confirmation link is not valid."), code="invalid") from error
    claim = Claim.objects.select_related("badge", "student").filter(pk=data.get("claim")).first()
    if claim is None or claim.supervisor_email != data.get("email"):
        raise PassportError(_("This confirmation link is not valid."), code="invalid")
    return claim


@transaction.atomic
def supervisor_confirm(*, token: str, statement: str) -> Claim:
    claim = claim_from_supervisor_token(token)
    claim = Claim.objects.select_for_update().select_related("badge").get(pk=claim.pk)
    if claim.supervisor_link_used_at is not None:
        raise PassportError(_("This confirmation link has already been used."), code="used")
    if claim.status not in Claim.WAITING_STATES:
        raise IllegalMove(_("This claim no longer waits for confirmation."), code="closed")
    now = timezone.now()
    claim.supervisor_confirmed_at = claim.supervisor_link_used_at = now
    claim.supervisor_statement = statement.strip()
    claim.save(
        update_fields=["supervisor_confirmed_at", "supervisor_link_used_at", "supervisor_statement"]
    )
    log_action(
        actor=None,
        action="passport.claim.supervisor_confirmed",
        target=claim,
        organisation=claim.badge.issuer,
    )
    return claim
