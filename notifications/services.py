"""Writing notices to the outbox and delivering them.

``notify`` is called by other apps' services inside their transaction. Delivery runs
in a Celery task after commit; if the broker cannot be reached, the row simply waits
for the periodic sweep. Delivering the same row twice sends one e-mail: the worker
marks the row as being sent in a transaction of its own before it calls the mail server,
and only takes what is still pending (or was left marked by a worker that died; see
``deliver``).
"""

from __future__ import annotations

import datetime
import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User
from core.site import base_context, subject_prefix

from . import kinds
from .models import Notification, Preference
from .rendering import message_id, render, render_subject
from .selectors import forget_unread_counts

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
SWEEP_BATCH = 500

# After the broker has refused a message, stop trying for a while: the sweep will
# deliver, and requests stay fast while Redis is down.
_BROKER_PAUSE_SECONDS = 30
#: How many notices one message to the workers carries.
ENQUEUE_BATCH = 10
_broker_down_until = 0.0


_quiet: ContextVar[bool] = ContextVar("notifications_quiet", default=False)


@contextmanager
def quiet() -> Iterator[None]:
    """Make no notices inside this block: for loading data that describes the past."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def deliveries_for(users: Iterable[User], kind_key: str) -> dict[int, str]:
    """How each of ``users`` wants notices of this kind, by user id; one query."""
    kind = kinds.get(kind_key)
    ids = [user.pk for user in users]
    chosen = {}
    if ids and kind.configurable:
        chosen = dict(
            Preference.objects.filter(user__in=ids, kind=kind_key).values_list(
                "user_id", "delivery"
            )
        )
    return {pk: chosen.get(pk, Preference.Delivery.IMMEDIATE) for pk in ids}


def notify(
    *,
    kind: str,
    key: str,
    context: dict,
    recipient: User | None = None,
    email: str = "",
    language: str | None = None,
) -> list[Notification]:
    """Queue a notice for ``recipient`` (a user) or ``email`` (someone without an account).

    ``key`` makes the notice idempotent: the same key never produces a second notice.
    A user gets it in the portal, and by e-mail as their preferences say.
    """
    if recipient is None and not email:
        raise ValueError("A notice needs a recipient or an e-mail address.")
    return _write(
        kind=kind,
        targets=[Notice(key, context, recipient=recipient, email=email, language=language)],
    )


def notify_many(
    people: Iterable[User], *, kind: str, key: str, context: dict, skip: User | None = None
) -> list[Notification]:
    """Queue the same notice for each of ``people`` (but ``skip``), keyed ``key:<user id>``.

    However many people there are, this takes the same few queries.
    """
    targets = [
        Notice(f"{key}:{person.pk}", context, recipient=person)
        for person in people
        if skip is None or person.pk != skip.pk
    ]
    return _write(kind=kind, targets=targets)


@dataclass(frozen=True)
class Notice:
    """One notice of :func:`notify_each`: its idempotency key, its context, and who gets
    it (a user, or the address of someone without an account)."""

    key: str
    context: dict
    recipient: User | None = None
    email: str = ""
    language: str | None = None


def notify_each(notices: Sequence[Notice], *, kind: str) -> list[Notification]:
    """Queue ``notices`` of one kind, each with its own context: the same few queries
    however many there are (a badge awarded to a list of people)."""
    return _write(kind=kind, targets=list(notices))


def _write(*, kind: str, targets: list[Notice]) -> list[Notification]:
    kinds.get(kind)  # fail early on an unknown kind
    if _quiet.get():
        return []
    targets = [
        target for target in targets if target.recipient is None or target.recipient.is_active
    ]
    if not targets:
        return []
    deliveries = deliveries_for([t.recipient for t in targets if t.recipient is not None], kind)
    now = timezone.now()
    rows = []
    for target in targets:
        recipient = target.recipient
        delivery = (
            deliveries[recipient.pk] if recipient is not None else Preference.Delivery.IMMEDIATE
        )
        rows += _rows_for(
            key=target.key,
            recipient=recipient,
            email=target.email,
            delivery=delivery,
            common={
                "recipient": recipient,
                "kind": kind,
                "context": target.context,
                "created_at": now,
                "language": target.language
                or (recipient.language if recipient is not None else None)
                or translation.get_language()
                or settings.LANGUAGE_CODE,
            },
        )

    # A key that is already queued is left as it is: the insert skips it, and what this
    # call wrote is what carries its own timestamp.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    forget_unread_counts(row.recipient_id for row in rows if row.recipient_id)
    created = list(
        Notification.objects.filter(
            idempotency_key__in=[row.idempotency_key for row in rows], created_at=now
        ).order_by("pk")
    )
    pending = [row.pk for row in created if row.state == Notification.State.PENDING]
    if pending:
        transaction.on_commit(lambda: enqueue(pending))
    return created


def _rows_for(
    *, key: str, recipient: User | None, email: str, delivery: str, common: dict
) -> list[Notification]:
    """The rows of one notice to one person: in the app (for an account), by e-mail
    (unless they read notices only in the app), the e-mail held for the digest when
    they asked for one."""
    rows = []
    if recipient is not None:
        rows.append(
            Notification(
                channel=Notification.Channel.IN_APP,
                state=Notification.State.SENT,
                sent_at=common["created_at"],
                idempotency_key=f"{key}:{Notification.Channel.IN_APP}",
                **common,
            )
        )
    if delivery != Preference.Delivery.IN_APP_ONLY:
        rows.append(
            Notification(
                email="" if recipient is not None else email,
                channel=Notification.Channel.EMAIL,
                state=(
                    Notification.State.DIGEST
                    if delivery == Preference.Delivery.DIGEST
                    else Notification.State.PENDING
                ),
                idempotency_key=f"{key}:{Notification.Channel.EMAIL}",
                **common,
            )
        )
    return rows


def enqueue(ids: list[int]) -> None:
    """Hand rows to the workers; never fail or hang the caller over it."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return
    from .tasks import deliver_many

    # A message per few notices: a change's notices cost the request one publish, and a
    # notice to many people is still shared out among the worker's processes.
    batches = [ids[start : start + ENQUEUE_BATCH] for start in range(0, len(ids), ENQUEUE_BATCH)]
    if deliver_many.app.conf.task_always_eager:  # no broker: deliver in process
        for batch in batches:
            deliver_many.apply((batch,))
        return
    for batch in batches:
        try:
            deliver_many.apply_async((batch,), retry=False)
        except Exception:  # a broker error must not break the request
            _broker_down_until = time.monotonic() + _BROKER_PAUSE_SECONDS
            logger.warning("Broker unreachable; notices wait for the sweep.", exc_info=True)
            return


def _send(notification: Notification) -> None:
    rendered = render(notification)
    with translation.override(notification.language):
        subject = subject_prefix() + rendered.subject
    message = EmailMultiAlternatives(
        subject,
        rendered.text,
        settings.DEFAULT_FROM_EMAIL,
        [notification.address],
        headers={"Message-ID": message_id(notification)},
    )
    message.attach_alternative(rendered.html, "text/html")
    message.send()


def _stale_mark() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=settings.NOTICE_SENDING_STALE_SECONDS)


def _claim(notification_id: int) -> Notification | None:
    """Mark a notice as being sent, in a transaction of its own that commits before the
    mail server is called: one that is pending, or was marked by a worker that died
    (see ``deliver``); one marked a moment ago is another worker's."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(
                Q(state=Notification.State.PENDING)
                | Q(state=Notification.State.SENDING, sending_at__lte=_stale_mark()),
                pk=notification_id,
            )
            .first()
        )
        if notification is None:
            return None  # sent already, failed for good, or another worker has it
        notification.state = Notification.State.SENDING
        notification.sending_at = timezone.now()
        notification.attempts += 1
        notification.save(update_fields=["state", "sending_at", "attempts"])
    return notification


def _still_ours(notification: Notification) -> QuerySet[Notification]:
    """The row as this attempt marked it; empty when another attempt took it over."""
    return Notification.objects.filter(
        pk=notification.pk,
        state=Notification.State.SENDING,
        sending_at=notification.sending_at,
    )


def deliver(*, notification_id: int) -> bool:
    """Send one pending e-mail notice. Returns True when this call sent it.

    At least once, with a stable Message-ID: a worker that dies between the mail
    server's acceptance and the commit leaves the notice marked as being sent, and it is
    sent again, as the same message, once the mark is ``NOTICE_SENDING_STALE_SECONDS``
    old. A second delivery while the mark is fresh sends nothing.
    """
    notification = _claim(notification_id)
    if notification is None:
        return False
    try:
        _send(notification)
    except Exception as error:  # any failure is retried
        values: dict[str, Any] = {"sending_at": None, "state": Notification.State.FAILED}
        values["last_error"] = f"{type(error).__name__}: {error}"[:2000]
        if notification.attempts >= MAX_ATTEMPTS:
            logger.error("Notice %s failed for good: %s", notification.pk, error)
        else:
            values["state"] = Notification.State.PENDING
            values["next_attempt_at"] = timezone.now() + datetime.timedelta(
                minutes=min(2 ** (notification.attempts - 1), 24 * 60)
            )
        _still_ours(notification).update(**values)
        return False
    # Secrets (a one-time link) are needed only until the e-mail is out.
    context = {k: v for k, v in notification.context.items() if not k.startswith("secret_")}
    _still_ours(notification).update(
        state=Notification.State.SENT,
        sent_at=timezone.now(),
        sending_at=None,
        last_error="",
        context=context,
    )
    return True


def sweep(*, limit: int = SWEEP_BATCH) -> int:
    """Deliver what is due: notices left marked by a dead worker, and pending notices
    whose time has come; returns how many were sent."""
    pending = Notification.objects.filter(
        state=Notification.State.PENDING, next_attempt_at__lte=timezone.now()
    )
    abandoned = Notification.objects.filter(
        state=Notification.State.SENDING, sending_at__lte=_stale_mark()
    )
    ids = list(abandoned.order_by("sending_at", "pk").values_list("pk", flat=True)[:limit])
    ids += list(
        pending.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[: limit - len(ids)]
    )
    return sum(deliver(notification_id=pk) for pk in ids)


def send_digest(*, user: User) -> int:
    """One e-mail with every notice waiting for ``user``'s daily digest."""
    with transaction.atomic():
        rows = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(recipient=user, state=Notification.State.DIGEST)
            .order_by("created_at", "pk")
        )
        if not rows:
            return 0
        items = [render(row, bodies=False) for row in rows]
        context = {"items": items, "user": user, **base_context()}
        with translation.override(user.language):
            subject = subject_prefix() + render_subject(
                "notifications/emails/digest.subject.txt", context
            )
            text = render_to_string("notifications/emails/digest.txt", context)
            html = render_to_string("notifications/emails/digest.html", context)
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
        message.attach_alternative(html, "text/html")
        message.send()
        Notification.objects.filter(pk__in=[row.pk for row in rows]).update(
            state=Notification.State.SENT, sent_at=timezone.now(), attempts=1
        )
        return len(rows)


def users_with_digest() -> QuerySet[User]:
    return User.objects.filter(
        notifications__state=Notification.State.DIGEST, is_active=True
    ).distinct()


def mark_read(*, user: User, notification_id: int | None = None) -> int:
    rows = Notification.objects.filter(
        recipient=user, channel=Notification.Channel.IN_APP, read_at__isnull=True
    )
    if notification_id is not None:
        rows = rows.filter(pk=notification_id)
    marked = rows.update(read_at=timezone.now())
    forget_unread_counts([user.pk])
    return marked


def preference_set(*, user: User, kind: str, delivery: str) -> None:
    if not kinds.get(kind).configurable:
        raise ValueError(f"{kind} cannot be configured")
    Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


def retry_failed(*, ids: Iterable[int]) -> int:
    """Staff put failed notices back in the queue."""
    return Notification.objects.filter(Q(pk__in=ids), state=Notification.State.FAILED).update(
        state=Notification.State.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
