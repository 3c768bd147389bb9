"""Claims: the student's evidence, the assessor's decision, the supervisor's word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.audit import log_action
from core.errors import require
from core.workflow import Change, Move, Workflow, from_states, perform
from notifications.services import notify, notify_many
from partners.selectors import members_with_roles

from .. import rules
from ..errors import IllegalMove, NotAllowed, PassportError
from ..models import Award, Badge, Claim, ClaimEvent, EvidenceFile
from ..openbadges import urls
from .awards import award_create, holds

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models import QuerySet

    from accounts.models import User

S = Claim.Status
STUDENT = "student"
ASSESSOR = "assessor"
_SUPERVISOR_SALT = "passport.claim.supervisor"


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
    require(claim.student_id == actor.pk)
    if claim.status not in Claim.EDITABLE_STATES:
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
    require(claim.student_id == actor.pk and claim.status in Claim.EDITABLE_STATES)
    evidence = EvidenceFile(claim=claim, file=file, name=name or file.name or "")
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def claim_evidence_save(
    *, actor: User, claim: Claim, data: dict, file: UploadedFile | None = None
) -> Claim:
    """Save what the student wrote and, when given, the file they added, both or neither."""
    claim = claim_update(actor=actor, claim=claim, data=data)
    if file:
        evidence_add(actor=actor, claim=claim, file=file)
    return claim


def _missing_evidence(claim: Claim) -> list[str]:
    lacking = {
        Badge.Evidence.TEXT: lambda: not claim.narrative.strip(),
        Badge.Evidence.LINK: lambda: not claim.links,
        Badge.Evidence.FILE: lambda: not claim.files.exists(),
        Badge.Evidence.SUPERVISOR: lambda: not claim.supervisor_email,
    }
    return [
        str(kind.label) for kind, lacks in lacking.items() if claim.badge.needs(kind) and lacks()
    ]


def _assessors(badge: Badge) -> QuerySet[User]:
    return members_with_roles(badge.issuer_id, *rules.assessor_roles(badge))


def supervisor_token(claim: Claim) -> str:
    return signing.dumps(
        {"claim": claim.pk, "email": claim.supervisor_email}, salt=_SUPERVISOR_SALT, compress=True
    )


def _send_supervisor_link(claim: Claim) -> None:
    language = claim.student.language or settings.LANGUAGE_CODE
    with translation.override(language):
        url = urls.absolute("passport:supervisor_confirm", token=supervisor_token(claim))
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


# --- The claim workflow ---------------------------------------------------------------


def _lock(claim: Claim) -> Claim:
    return (
        Claim.objects.select_for_update()
        .select_related("badge", "badge__issuer", "student")
        .get(pk=claim.pk)
    )


def _parties(user: User | None, claim: Claim) -> frozenset[str]:
    parties = set()
    if user is not None and claim.student_id == user.pk:
        parties.add(STUDENT)
    if user is not None and rules.can_assess(user, claim.badge):
        parties.add(ASSESSOR)
    return frozenset(parties)


def _not_own_claim(change: Change[Claim]) -> None:
    """An assessor who is also the claimant may not decide the claim."""
    is_assessment = any(ASSESSOR in who for who in change.move.sources.values())
    if is_assessment and change.obj.student_id == getattr(change.actor, "pk", None):
        raise NotAllowed(_("You cannot assess your own claim."))


def _submit(change: Change[Claim]) -> None:
    missing = _missing_evidence(change.obj)
    if missing:
        raise PassportError(
            _("The badge needs this evidence: %(missing)s.") % {"missing": ", ".join(missing)},
            code="evidence",
        )
    change.set(submitted_at=change.now)


def _decide(change: Change[Claim]) -> None:
    change.set(assessor=change.actor, decided_at=change.now)


def _approve(change: Change[Claim]) -> None:
    claim = change.obj
    if claim.badge.needs(Badge.Evidence.SUPERVISOR) and claim.supervisor_confirmed_at is None:
        raise PassportError(
            _("The workplace supervisor has not confirmed this claim yet."), code="supervisor"
        )
    _decide(change)


def _award(change: Change[Claim]) -> None:
    claim = change.obj
    award_create(
        actor=change.actor,
        badge=claim.badge,
        source=Award.Source.CLAIM,
        recipient=claim.student,
        evidence=claim.narrative,
        claim=claim,
    )


def _notify(change: Change[Claim]) -> None:
    """A submission tells the badge's assessors (and asks the supervisor to confirm); a
    decision tells the student, except an approval, which the award notice tells."""
    claim, action = change.obj, change.move.action
    context = {
        "badge": claim.badge.name,
        "student": claim.student.full_name,
        "status": claim.status,
        "comment": change.comment,
        "link": {"name": "passport:claim_detail", "kwargs": {"pk": claim.pk}},
    }
    key = f"passport.claim:{claim.pk}:{action}:{change.now:%s%f}"
    if STUDENT in change.move.sources.get(change.before, frozenset()):
        notify_many(
            _assessors(claim.badge),
            kind="passport.claim_moved",
            key=key,
            context=context,
            skip=change.actor,
        )
        if claim.supervisor_email and claim.supervisor_confirmed_at is None:
            _send_supervisor_link(claim)
    elif action != "approve":
        notify(kind="passport.claim_moved", key=key, recipient=claim.student, context=context)


_BY_ASSESSOR = from_states(Claim.WAITING_STATES, [ASSESSOR])


def _with_reason(action: str, label: StrOrPromise, target: str, style: str) -> Move[Claim]:
    """An assessor's decision that returns or ends the claim, with the reason why."""
    return Move(
        action, label, target, _BY_ASSESSOR, needs_comment=True, button_style=style, prepare=_decide
    )


CLAIM_WORKFLOW: Workflow[Claim] = Workflow(
    name="passport.claim",
    moves={
        move.action: move
        for move in (
            *(
                Move(action, label, target, {source: frozenset({STUDENT})}, prepare=_submit)
                for action, label, target, source in (
                    ("submit", _("Submit for assessment"), S.SUBMITTED, S.DRAFT),
                    ("resubmit", _("Submit again"), S.RESUBMITTED, S.RETURNED),
                )
            ),
            _with_reason("return", _("Return for changes"), S.RETURNED, "button-secondary"),
            Move(
                "approve",
                _("Approve and award"),
                S.APPROVED,
                _BY_ASSESSOR,
                prepare=_approve,
                after=_award,
            ),
            _with_reason("reject", _("Reject"), S.REJECTED, "button-danger"),
        )
    },
    lock=_lock,
    parties=_parties,
    organisation=lambda claim: claim.badge.issuer,
    illegal=_("This cannot be done while the claim is “%(status)s”."),
    history=ClaimEvent,
    history_field="claim",
    guard=_not_own_claim,
    notify=_notify,
    changed_at_field="status_changed_at",
)


def available(claim: Claim, user: User) -> list[Move[Claim]]:
    """The moves ``user`` can make on ``claim`` now (the page's buttons)."""
    return CLAIM_WORKFLOW.available(claim, _parties(user, claim))


def claim_transition(*, actor: User, claim: Claim, action: str, comment: str = "") -> Claim:
    """Make the move ``action`` on ``claim`` (the admin's actions and the page's buttons)."""
    return perform(CLAIM_WORKFLOW, actor=actor, obj=claim, action=action, comment=comment)
