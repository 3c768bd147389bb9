from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import transaction

from notifications import services
from notifications.models import Notification, Preference
from tests.factories import UserFactory
from tests.notifications.conftest import accepted_context

pytestmark = pytest.mark.django_db
KIND = "partners.invitation_accepted"
State = Notification.State


def notify(recipient, key="k1", **kwargs):
    return services.notify(
        kind=KIND, key=key, recipient=recipient, context=accepted_context(), **kwargs
    )


def test_notice_is_a_portal_notice_and_a_pending_email(django_capture_on_commit_callbacks):
    user = UserFactory(language="en")
    with django_capture_on_commit_callbacks() as callbacks:
        rows = notify(user)
    assert {(r.channel, r.state) for r in rows} == {("in_app", "sent"), ("email", "pending")}
    assert mail.outbox == []  # delivery is queued only after commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_email_is_delivered_after_commit_in_the_recipients_language(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="fi")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Sanni Opiskelija" in message.subject
    assert "accepted your invitation" not in message.subject  # Finnish
    assert "http://127.0.0.1:8000/fi/partners/org-x/members/" in message.body
    email_row = Notification.objects.get(channel="email")
    assert email_row.state == State.SENT and email_row.attempts == 1


def test_rolled_back_change_leaves_no_notice(django_capture_on_commit_callbacks):
    user = UserFactory()

    class Undo(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Undo),
        transaction.atomic(),
    ):
        notify(user)
        raise Undo
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_same_key_never_makes_a_second_notice():
    user = UserFactory()
    notify(user)
    assert notify(user) == []
    assert Notification.objects.count() == 2


def test_delivering_the_same_row_twice_sends_one_email():
    user = UserFactory()
    email_row = next(r for r in notify(user) if r.channel == "email")
    assert services.deliver(notification_id=email_row.pk) is True
    assert services.deliver(notification_id=email_row.pk) is False
    assert len(mail.outbox) == 1


def test_failed_sending_is_retried_later_with_backoff(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.BrokenBackend"
    user = UserFactory()
    email_row = next(r for r in notify(user) if r.channel == "email")
    assert services.deliver(notification_id=email_row.pk) is False
    email_row.refresh_from_db()
    assert email_row.state == State.PENDING
    assert email_row.attempts == 1
    assert "SMTP is down" in email_row.last_error
    first_wait = email_row.next_attempt_at
    Notification.objects.filter(pk=email_row.pk).update(next_attempt_at="2000-01-01T00:00Z")
    services.deliver(notification_id=email_row.pk)
    email_row.refresh_from_db()
    assert email_row.attempts == 2
    assert email_row.next_attempt_at - email_row.created_at > first_wait - email_row.created_at


def test_notice_fails_for_good_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.BrokenBackend"
    user = UserFactory()
    email_row = next(r for r in notify(user) if r.channel == "email")
    Notification.objects.filter(pk=email_row.pk).update(attempts=services.MAX_ATTEMPTS - 1)
    services.deliver(notification_id=email_row.pk)
    email_row.refresh_from_db()
    assert email_row.state == State.FAILED
    assert services.sweep() == 0


def test_sweep_delivers_what_waits_and_only_what_is_due():
    first, second = UserFactory(), UserFactory()
    notify(first, key="a")
    notify(second, key="b")
    Notification.objects.filter(recipient=second, channel="email").update(
        next_attempt_at="2999-01-01T00:00Z"
    )
    assert services.sweep() == 1
    assert [m.to for m in mail.outbox] == [[first.email]]


def test_broker_down_keeps_the_notice_waiting_and_the_request_going(
    monkeypatch, django_capture_on_commit_callbacks
):

    from kombu.exceptions import OperationalError

    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    broker_down = SimpleNamespace(
        apply_async=refuse, app=SimpleNamespace(conf=SimpleNamespace(task_always_eager=False))
    )
    monkeypatch.setattr("notifications.tasks.deliver_many", broker_down)
    first, second = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify(first, key="a")
    with django_capture_on_commit_callbacks(execute=True):
        notify(second, key="b")  # the broker is not tried again for a while
    assert list(email_states()) == [State.PENDING, State.PENDING]
    assert services._broker_down_until > 0
    assert len(calls) == 1
    monkeypatch.undo()
    assert services.sweep() == 2
    assert len(mail.outbox) == 2


def email_states():
    return Notification.objects.filter(channel="email").values_list("state", flat=True)


def test_one_time_secrets_are_forgotten_once_sent():
    services.notify(
        kind="partners.invitation",
        key="inv",
        email="someone@example.org",
        language="en",
        context={
            "organisation_name": "Opisto",
            "role": "student",
            "inviter_name": "Kaisa",
            "secret_url": "http://127.0.0.1:8000/en/partners/invitations/SECRET/",
            "expires_at": "2030-01-01T00:00:00+00:00",
        },
    )
    assert services.sweep() == 1
    assert "invitations/SECRET/" in mail.outbox[0].body
    row = Notification.objects.get()
    assert "secret_url" not in row.context


def test_digest_preference_collects_notices_into_one_daily_email():
    user = UserFactory(language="en")
    Preference.objects.create(user=user, kind=KIND, delivery=Preference.Delivery.DIGEST)
    notify(user, key="a")
    notify(user, key="b")
    assert services.sweep() == 0
    assert services.send_digest(user=user) == 2
    assert len(mail.outbox) == 1
    assert "2 new notices" in mail.outbox[0].subject
    assert mail.outbox[0].body.count("Sanni Opiskelija") == 2
    assert services.send_digest(user=user) == 0


def test_in_app_only_preference_sends_no_email():
    user = UserFactory()
    Preference.objects.create(user=user, kind=KIND, delivery=Preference.Delivery.IN_APP_ONLY)
    rows = notify(user)
    assert [r.channel for r in rows] == ["in_app"]


def test_invitations_ignore_preferences_because_they_cannot_wait():
    from notifications import kinds

    assert kinds.get("partners.invitation").configurable is False
    assert "partners.invitation" not in [k.key for k in kinds.configurable()]


def test_unknown_kind_is_an_error():
    with pytest.raises(LookupError):
        services.notify(kind="no.such.kind", key="x", recipient=UserFactory(), context={})


def test_inactive_people_get_nothing():
    assert notify(UserFactory(is_active=False)) == []
    assert not Notification.objects.exists()


def test_quiet_blocks_make_no_notices():
    user = UserFactory()
    with services.quiet():
        assert notify(user) == []
    assert not Notification.objects.exists()
    assert len(notify(user, key="after")) == 2


def test_the_notices_of_one_change_reach_the_workers_in_few_messages(
    monkeypatch, django_capture_on_commit_callbacks
):
    published = []
    workers = SimpleNamespace(
        apply_async=lambda args, **options: published.append(args[0]),
        app=SimpleNamespace(conf=SimpleNamespace(task_always_eager=False)),
    )
    monkeypatch.setattr("notifications.tasks.deliver_many", workers)
    people = [UserFactory() for _ in range(services.ENQUEUE_BATCH * 2 + 3)]
    with django_capture_on_commit_callbacks(execute=True):
        services.notify_many(people, kind=KIND, key="many", context=accepted_context())
    assert [len(batch) for batch in published] == [services.ENQUEUE_BATCH] * 2 + [3]
    emails = Notification.objects.filter(channel="email").values_list("pk", flat=True)
    assert sorted(pk for batch in published for pk in batch) == sorted(emails)
