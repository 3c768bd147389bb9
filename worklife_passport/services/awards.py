"""Awarding and revoking badges; claim codes; bulk awards."""

from __future__ import annotations

import csv
import datetime
import io
import secrets
from typing import TYPE_CHECKING, TypeVar

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action, log_actions
from core.errors import require
from notifications.services import Notice, notify, notify_each

from .. import rules
from ..errors import PassportError
from ..models import Award, Badge, BulkAward, ClaimCode, StatusList
from ..openbadges import keys

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from django.db.models import QuerySet

    from accounts.models import User
    from partners.models import Organisation
    from worklife_passport.models import Claim

#: A year's intake of a large network in one file.
MAX_BULK_ROWS = 50_000
BULK_IN_PROCESS = 50  # larger files are awarded by a Celery task
#: Rows a bulk award issues in one transaction: its progress moves in these steps, and
#: a worker that stops goes on after the last step done.
BULK_CHUNK = 500

T = TypeVar("T")


def _reserve_status_indexes(organisation: Organisation, count: int = 1) -> int:
    """The first of ``count`` positions in the issuer's status list, taken for the awards
    about to be issued (the list is locked until the transaction ends)."""
    status_list, _created = StatusList.objects.get_or_create(organisation=organisation)
    status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
    index = status_list.next_index
    status_list.next_index = index + count
    status_list.save(update_fields=["next_index"])
    return index


def valid_awards() -> QuerySet[Award]:
    """The awards neither revoked nor expired."""
    return Award.objects.filter(revoked_at__isnull=True).exclude(expires_on__lte=timezone.now())


def holds(user_or_email: User | str, badge: Badge) -> bool:
    """Whether the person already holds a valid award of any version of ``badge``."""
    awards = valid_awards().filter(badge__family=badge.family)
    if isinstance(user_or_email, str):
        return (
            awards.alias(email=Lower("recipient_email"))
            .filter(email=user_or_email.lower())
            .exists()
        )
    return awards.filter(recipient=user_or_email).exists()


#: How many addresses one query looks up (well within every database's limit).
_LOOKUP_CHUNK = 10_000


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def users_by_email(emails: Sequence[str]) -> dict[str, User]:
    """The people with an account at each of ``emails`` (lower-cased), by that address."""
    found: dict[str, User] = {}
    for chunk in _chunks(emails, _LOOKUP_CHUNK):
        users = get_user_model().objects.alias(address=Lower("email")).filter(address__in=chunk)
        found.update({user.email.lower(): user for user in users})
    return found


def holders(badge: Badge, emails: Sequence[str], users: dict[str, User]) -> set[str]:
    """Which of ``emails`` (lower-cased) hold a valid award of any version of ``badge``:
    issued to the address, or to the account ``users`` finds at it. One query per
    ten thousand addresses."""
    by_user = {user.pk: email for email, user in users.items()}
    held = set()
    for chunk in _chunks(emails, _LOOKUP_CHUNK):
        accounts = [users[email].pk for email in chunk if email in users]
        awards = (
            valid_awards()
            .filter(badge__family=badge.family)
            .alias(address=Lower("recipient_email"))
            .filter(Q(address__in=chunk) | Q(recipient__in=accounts))
            .values_list("recipient_email", "recipient_id")
        )
        for email, recipient_id in awards:
            held.add(email.lower())
            if recipient_id in by_user:
                held.add(by_user[recipient_id])
    return held


def _new_award(
    *,
    badge: Badge,
    recipient: User | None,
    email: str,
    name: str,
    source: str,
    actor: User | None,
    status_index: int,
    now: datetime.datetime,
    evidence: str = "",
    claim: Claim | None = None,
) -> Award:
    return Award(
        badge=badge,
        recipient=recipient,
        recipient_email=recipient.email if recipient is not None else email,
        recipient_name=recipient.full_name if recipient is not None else name,
        issued_on=now,
        expires_on=now + datetime.timedelta(days=badge.valid_days) if badge.valid_days else None,
        evidence=evidence,
        source=source,
        claim=claim,
        awarded_by=actor,
        status_index=status_index,
    )


def _awarded_notice(award: Award) -> Notice:
    """The notice of a new award; someone without an account hears of it at the address
    the badge was issued to."""
    context = {
        "badge": award.badge.name,
        "issuer": award.badge.issuer.name,
        "link": {"name": "passport:award_detail", "kwargs": {"public_id": str(award.public_id)}},
    }
    return Notice(
        f"passport.awarded:{award.pk}",
        context,
        recipient=award.recipient,
        email="" if award.recipient is not None else award.recipient_email,
    )


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
    award = _new_award(
        badge=badge,
        recipient=recipient,
        email=email,
        name=name,
        evidence=evidence,
        source=source,
        claim=claim,
        actor=actor,
        status_index=_reserve_status_indexes(badge.issuer),
        now=timezone.now(),
    )
    award.save()
    log_action(
        actor=actor,
        action="passport.award.created",
        target=award,
        organisation=badge.issuer,
        data={"source": source},
    )
    notify_each([_awarded_notice(award)], kind="passport.awarded")
    return award


def award_many(
    *, actor: User | None, badge: Badge, source: str, recipients: Sequence[tuple[str, str]]
) -> list[Award]:
    """Issue ``badge`` to each ``(email, name)`` of ``recipients`` who does not hold it yet
    (an address that has an account is awarded to the account), in the same few queries
    however many there are. Callers have checked that ``actor`` may award it; the
    caller's transaction holds it together."""
    names: dict[str, str] = {}
    for email, name in recipients:
        names.setdefault(email.strip().lower(), name)
    emails = list(names)
    users = users_by_email(emails)
    held = holders(badge, emails, users)
    emails = [email for email in emails if email not in held]
    if not emails:
        return []
    keys.active_key(badge.issuer)
    first = _reserve_status_indexes(badge.issuer, len(emails))
    now = timezone.now()
    awards = [
        _new_award(
            badge=badge,
            recipient=users.get(email),
            email=email,
            name=names[email],
            source=source,
            actor=actor,
            status_index=first + offset,
            now=now,
        )
        for offset, email in enumerate(emails)
    ]
    Award.objects.bulk_create(awards)
    log_actions(
        actor=actor,
        action="passport.award.created",
        targets=awards,
        organisation=badge.issuer,
        data={"source": source},
    )
    notify_each([_awarded_notice(award) for award in awards], kind="passport.awarded")
    return awards


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
    emails = [row["email"] for row in rows if not row["errors"]]
    held = holders(badge, emails, users_by_email(emails))
    for row in rows:
        if not row["errors"] and row["email"] in held:
            row["errors"].append(str(_("Already holds this badge.")))
    valid = sum(not row["errors"] for row in rows)
    return BulkAward.objects.create(badge=badge, created_by=actor, rows=rows, valid_count=valid)


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
    """Award the valid rows, a step of rows at a time, counting progress as it goes. A row
    whose person came to hold the badge meanwhile (e.g. by a code) still counts as done."""
    batch = BulkAward.objects.select_related("badge__issuer", "created_by").get(pk=batch_id)
    rows = batch.valid_rows
    done = batch.done_count
    while done < len(rows):
        step = rows[done : done + BULK_CHUNK]
        with transaction.atomic():
            award_many(
                actor=batch.created_by,
                badge=batch.badge,
                source=Award.Source.BULK,
                recipients=[(row["email"], row["name"]) for row in step],
            )
            done += len(step)
            BulkAward.objects.filter(pk=batch.pk).update(done_count=done)
    BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.DONE)
    return done
