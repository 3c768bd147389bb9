"""Each e-mail notice is handed to the mail server under a mark committed beforehand, with
a Message-ID that stays the same however many times it is sent."""

import datetime
import time

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from notifications import services
from notifications.models import Notification
from tests.factories import UserFactory
from tests.notifications.conftest import accepted_context

State = Notification.State


class WorkerDied(BaseException):
    """Stands for the process being killed: nothing after it runs, not even ``except``."""


def pending_email(key="once"):
    user = UserFactory(language="en")
    services._broker_down_until = time.monotonic() + 3600  # leave delivery to the test
    try:
        rows = services.notify(
            kind="partners.invitation_accepted",
            key=key,
            recipient=user,
            context=accepted_context(),
        )
    finally:
        services._broker_down_until = 0.0
    return next(row for row in rows if row.channel == Notification.Channel.EMAIL)


def die_after_the_mail_server_accepted(monkeypatch):
    original = services._send

    def send_then_die(notification):
        original(notification)
        raise WorkerDied

    monkeypatch.setattr(services, "_send", send_then_die)


@pytest.mark.django_db(transaction=True)
def test_the_sending_mark_is_committed_before_the_mail_server_is_called(monkeypatch):
    row = pending_email()
    seen = {}
    original = services._send

    def observe(notification):
        seen["in_transaction"] = connection.in_atomic_block
        stored = Notification.objects.get(pk=notification.pk)
        seen["state"], seen["sending_at"] = stored.state, stored.sending_at
        original(notification)

    monkeypatch.setattr(services, "_send", observe)

    assert services.deliver(notification_id=row.pk) is True
    assert seen["in_transaction"] is False
    assert seen["state"] == State.SENDING and seen["sending_at"] is not None
    row.refresh_from_db()
    assert row.state == State.SENT and row.sending_at is None


@pytest.mark.django_db
def test_the_message_id_is_derived_from_the_notice(settings):
    settings.SITE_URL = "https://portal.example.org"
    first, second = pending_email("a"), pending_email("b")

    services.deliver(notification_id=first.pk)
    services.deliver(notification_id=second.pk)

    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]
    assert all(i.startswith("<notice-") and i.endswith("@portal.example.org>") for i in ids)
    assert ids[0] != ids[1]
    assert ids[0] == services.message_id(Notification.objects.get(pk=first.pk))


@pytest.mark.django_db
def test_a_redelivery_while_the_notice_is_being_sent_sends_nothing(monkeypatch):
    row = pending_email()
    die_after_the_mail_server_accepted(monkeypatch)
    with pytest.raises(WorkerDied):
        services.deliver(notification_id=row.pk)
    monkeypatch.undo()
    assert len(mail.outbox) == 1

    assert services.deliver(notification_id=row.pk) is False
    assert services.sweep() == 0
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.state == State.SENDING


@pytest.mark.django_db
def test_a_stale_mark_is_sent_again_with_the_same_message_id(monkeypatch, settings):
    settings.NOTICE_SENDING_STALE_SECONDS = 600
    row = pending_email()
    die_after_the_mail_server_accepted(monkeypatch)
    with pytest.raises(WorkerDied):
        services.deliver(notification_id=row.pk)
    monkeypatch.undo()
    Notification.objects.filter(pk=row.pk).update(
        sending_at=timezone.now() - datetime.timedelta(seconds=601)
    )

    assert services.sweep() == 1

    first, again = mail.outbox
    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"]
    row.refresh_from_db()
    assert row.state == State.SENT and row.attempts == 2


@pytest.mark.django_db
def test_a_failed_attempt_clears_the_mark_and_waits_for_the_next(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.BrokenBackend"
    row = pending_email()

    assert services.deliver(notification_id=row.pk) is False

    row.refresh_from_db()
    assert row.state == State.PENDING and row.sending_at is None
    assert row.last_error.startswith("ConnectionError")
