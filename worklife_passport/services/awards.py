"""Awarding and revoking badges; claim codes; bulk awards."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import secrets
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from notifications.services import notify

from .. import rules
from ..errors import PassportError
from ..models import Award, Badge, BulkAward, ClaimCode, StatusList
from ..openbadges import keys

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from partners.models import Organisation
    from worklife_passport.models import Claim

MAX_BULK_ROWS = 5000
BULK_IN_PROCESS = 50  # larger files are awarded by a Celery task


def _next_status_index(organisation: Organisation) -> int:
    status_list, _created = StatusList.objects.get_or_create(organisation=organisation)
    status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
    index = status_list.next_index
    status_list.next_index = index + 1
    status_list.save(update_fields=["next_index"])
    return index


def valid_awards() -> QuerySet[Award]:
    """The awards neither revoked nor expired."""
    return Award.objects.filter(revoked_at__isnull=True).exclude(expires_on__lte=timezone.now())


def holds(user_or_email: User | str, badge: Badge) -> bool:
    """Whether the person already holds a valid award of any version of ``badge``."""
    awards = valid_awards().filter(badge__family=badge.family)
    if isinstance(user_or_email, str):
        return awards.filter(recipient_email__iexact=user_or_email).exists()
    return awards.filter(recipient=user_or_email).exists()


@transaction.atomic
def award_create(
    *,
    actor: User | None,
    badge: Badge,
    source: str,
    recipient: User | None = None,
    email: str = "",
    name: str = "",
    evidence: str = "",
    claim: Claim | None = None,
) -> Award:
    """Issue ``badge``. Callers have checked that ``actor`` may award it."""
    if recipient is None:
        recipient = get_user_model().objects.filter(email__iexact=email).first()
    email = recipient.email if recipient is not None else email.strip().lower()
    if holds(recipient or email, badge):
        raise PassportError(_("This person already holds this badge."), code="already_held")
    keys.active_key(badge.issuer)  # the issuer signs from the first award on
    now = timezone.now()
    award = Award.objects.create(
        badge=badge,
        recipient=recipient,
        recipient_email=email,
        recipient_name=recipient.full_name if recipient is not None else name,
        issued_on=now,
        expires_on=now + datetime.timedelta(days=badge.valid_days) if badge.valid_days else None,
        evidence=evidence,
        source=source,
        claim=claim,
        awarded_by=actor,
        status_index=_next_status_index(badge.issuer),
    )
    log_action(
        actor=actor,
        action="passport.award.created",
        target=award,
        organisation=badge.issuer,
        data={"source": source},
    )
    context = {
        "badge": badge.name,
        "issuer": badge.issuer.name,
        "link": {"name": "passport:award_detail", "kwargs": {"public_id": str(award.public_id)}},
    }
    # Someone without an account hears of it at the address the badge was issued to.
    notify(
        kind="passport.awarded",
        key=f"passport.awarded:{award.pk}",
        recipient=recipient,
        email="" if recipient is not None else email,
        context=context,
    )
    return award


@transaction.atomic
def award_revoke(*, actor: User, award: Award, reason: str) -> Award:
    award = Award.objects.select_for_update().select_related("badge").get(pk=award.pk)
    require(rules.can_award(actor, award.badge))
    if award.is_revoked:
        raise PassportError(_("This badge has already been revoked."), code="revoked")
    if not reason.strip():
        raise PassportError(_("Give the reason for revoking."), code="reason")
    award.revoked_at = timezone.now()
    award.revocation_reason = reason.strip()[:300]
    award.save(update_fields=["revoked_at", "revocation_reason"])
    log_action(
        actor=actor,
        action="passport.award.revoked",
        target=award,
        organisation=award.badge.issuer,
        data={"reason": award.revocation_reason},
    )
    if award.recipient is not None:
        notify(
            kind="passport.revoked",
            key=f"passport.revoked:{award.pk}",
            recipient=award.recipient,
            context={"badge": award.badge.name, "reason": award.revocation_reason},
        )
    return award


# --- Claim codes ---------------------------------------------------------------------


@transaction.atomic
def code_create(
    *, actor: User, badge: Badge, label: str, max_uses: int, expires_at: datetime.datetime
) -> ClaimCode:
    require(rules.can_award(actor, badge))
    if expires_at <= timezone.now():
        raise PassportError(_("The expiry must be in the future."), code="expiry")
    if max_uses < 1:
        raise PassportError(_("A code must be usable at least once."), code="uses")
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no look-alike characters
    code = ClaimCode.objects.create(
        badge=badge,
        code="".join(secrets.choice(alphabet) for _ in range(8)),
        label=label,
        max_uses=max_uses,
        expires_at=expires_at,
        created_by=actor,
    )
    log_action(actor=actor, action="passport.code.created", target=code, organisation=badge.issuer)
    return code


@transaction.atomic
def code_redeem(*, actor: User, code: str) -> Award:
    typed = code.strip().upper().replace(" ", "")
    claim_code = ClaimCode.objects.select_related("badge__issuer").filter(code=typed).first()
    if claim_code is None:
        raise PassportError(_("There is no such code. Check how you typed it."), code="unknown")
    if claim_code.expires_at <= timezone.now():
        raise PassportError(_("This code has expired."), code="expired")
    badge = claim_code.badge
    if not badge.is_current or not badge.is_active:
        current = Badge.objects.filter(family=badge.family, is_current=True, is_active=True).first()
        if current is None:
            raise PassportError(_("This badge is no longer awarded."), code="inactive")
        badge = current
    # Count the use only if one is left: simultaneous redeemers cannot pass the limit.
    used = ClaimCode.objects.filter(pk=claim_code.pk, uses__lt=F("max_uses")).update(
        uses=F("uses") + 1
    )
    if not used:
        raise PassportError(_("This code has been used as many times as allowed."), code="used_up")
    try:
        with transaction.atomic():
            return award_create(
                actor=claim_code.created_by,
                badge=badge,
                source=Award.Source.CODE,
                recipient=actor,
                evidence=str(_("Claimed with a code: %(label)s") % {"label": claim_code.label}),
            )
    except IntegrityError as error:  # pragma: no cover - defensive
        raise PassportError(_("Please try again."), code="conflict") from error


# --- Bulk awards ---------------------------------------------------------------------


def parse_recipients(data: bytes) -> list[dict]:
    """Rows of a CSV file (email, name), each with its errors."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [
            {"line": 1, "email": "", "name": "", "errors": [str(_("The file is not UTF-8 text."))]}
        ]
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    seen = set()
    for number, record in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if not record or not any(cell.strip() for cell in record):
            continue
        email = record[0].strip().lower()
        name = record[1].strip() if len(record) > 1 else ""
        if number == 1 and "@" not in email:
            continue  # a header row
        errors = []
        try:
            validate_email(email)
        except ValidationError:
            errors.append(str(_("Not a valid e-mail address.")))
        if email in seen:
            errors.append(str(_("The same address appears twice.")))
        seen.add(email)
        rows.append({"line": number, "email": email, "name": name, "errors": errors})
        if len(rows) > MAX_BULK_ROWS:
            break
    return rows


@transaction.atomic
def bulk_preview(*, actor: User, badge: Badge, data: bytes) -> BulkAward:
    require(rules.can_award(actor, badge))
    rows = parse_recipients(data)
    if not rows:
        raise PassportError(_("The file has no recipients."), code="empty")
    if len(rows) > MAX_BULK_ROWS:
        raise PassportError(
            _("At most %(count)s recipients at a time.") % {"count": MAX_BULK_ROWS}, code="too_many"
        )
    for row in rows:
        if not row["errors"] and holds(row["email"], badge):
            row["errors"].append(str(_("Already holds this badge.")))
    return BulkAward.objects.create(badge=badge, created_by=actor, rows=rows)


@transaction.atomic
def bulk_confirm(*, actor: User, batch: BulkAward) -> BulkAward:
    batch = BulkAward.objects.select_for_update().select_related("badge").get(pk=batch.pk)
    require(batch.created_by_id == actor.pk or rules.can_award(actor, batch.badge))
    if batch.status != BulkAward.Status.PREVIEW:
        raise PassportError(_("This list has already been confirmed."), code="confirmed")
    batch.status = BulkAward.Status.RUNNING
    batch.save(update_fields=["status"])
    log_action(
        actor=actor,
        action="passport.bulk.confirmed",
        target=batch,
        organisation=batch.badge.issuer,
        data={"rows": len(batch.valid_rows)},
    )
    if len(batch.valid_rows) <= BULK_IN_PROCESS:
        transaction.on_commit(lambda: bulk_run(batch_id=batch.pk))
    else:
        from ..tasks import run_bulk_award

        transaction.on_commit(lambda: run_bulk_award.delay(batch.pk))
    return batch


def bulk_run(*, batch_id: int) -> int:
    """Award the valid rows, one transaction each, counting progress as it goes."""
    batch = BulkAward.objects.select_related("badge", "created_by").get(pk=batch_id)
    done = batch.done_count
    for row in batch.valid_rows[done:]:
        # A row awarded meanwhile (e.g. by a code) still counts as handled.
        with contextlib.suppress(PassportError):
            award_create(
                actor=batch.created_by,
                badge=batch.badge,
                source=Award.Source.BULK,
                email=row["email"],
                name=row["name"],
            )
        done += 1
        BulkAward.objects.filter(pk=batch.pk).update(done_count=done)
    BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.DONE)
    return done
