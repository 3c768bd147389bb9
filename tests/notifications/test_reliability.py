"""The outbox against a real Redis and a real Celery worker process.

Each test starts a private ``redis-server`` on a spare port (so the machine's shared
one stays up while these tests stop theirs) and a worker in its own process, sharing
the test database.
"""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from notifications import services
from notifications.models import Notification
from partners.models import Membership
from tests.factories import OrganisationFactory, member
from tests.notifications.conftest import accepted_context

ROOT = Path(settings.BASE_DIR)
REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, *, timeout=60.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, timeout=10, what="redis to start")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_dir(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def environment(redis, mail_dir):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis.url,
        "EMAIL_BACKEND": "tests.notifications.backends.RecordingBackend",
        "TEST_MAIL_DIR": str(mail_dir),
        "DEBUG": "true",
        "CONN_MAX_AGE": "0",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


class Worker:
    def __init__(self, env):
        self.env = env
        self.process = None

    def start(self, **extra_env):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "--app=network_portal",
                "worker",
                "--queues=default,notifications,reports",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env={**self.env, **extra_env},
        )

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(environment):
    worker = Worker(environment)
    yield worker
    worker.stop()


def broker(redis) -> Celery:
    return Celery("reliability-test", broker=redis.url)


def sent_mail(mail_dir) -> list[str]:
    return [path.read_text().splitlines()[0] for path in mail_dir.glob("*.eml")]


def message_ids(mail_dir) -> list[str]:
    return [path.read_text().splitlines()[2] for path in mail_dir.glob("*.eml")]


def age_the_sending_marks():
    """As if NOTICE_SENDING_STALE_SECONDS had passed since the killed worker marked them."""
    stale = datetime.timedelta(seconds=settings.NOTICE_SENDING_STALE_SECONDS + 1)
    email_rows(Notification.State.SENDING).update(sending_at=F("sending_at") - stale)


def email_rows(state=None):
    rows = Notification.objects.filter(channel=Notification.Channel.EMAIL)
    return rows.filter(state=state) if state else rows


class Browser:
    """A person at the portal over HTTP, with cookies and the CSRF token."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), None)

    def get(self, path):
        return self.opener.open(self.base_url + path, timeout=30)

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={"X-CSRFToken": self.cookie("csrftoken"), "Referer": self.base_url + path},
        )
        try:
            return self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as response:
            return response


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def portal(environment):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "network_portal.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    base_url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return urllib.request.urlopen(base_url + "/health/", timeout=1).status in (200, 503)
        except OSError:
            return False

    wait_for(up, timeout=30, what="the web server")
    yield base_url
    process.terminate()
    process.wait(timeout=15)


def log_in(base_url, user) -> Browser:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    browser = Browser(base_url)
    from http.cookiejar import Cookie

    browser.cookies.set_cookie(
        Cookie(
            0,
            settings.SESSION_COOKIE_NAME,
            session.session_key,
            None,
            False,
            "127.0.0.1",
            False,
            False,
            "/",
            True,
            False,
            None,
            False,
            None,
            None,
            {},
        )
    )
    browser.get("/en/partners/")  # sets the CSRF cookie
    return browser


def test_actions_succeed_with_redis_down_and_every_notice_arrives_once_it_is_back(
    redis, worker, portal, mail_dir
):
    school = OrganisationFactory(slug="reliable")
    coordinator = member(school, Membership.Role.COORDINATOR)
    browser = log_in(portal, coordinator)
    redis.stop()

    statuses = []
    for n in range(100):
        response = browser.post(
            "/en/partners/reliable/members/",
            {"email": f"student{n}@example.org", "role": "student"},
        )
        statuses.append(response.status)
    assert statuses == [302] * 100  # every request answered, none failed
    assert email_rows(Notification.State.PENDING).count() == 100

    redis.start()
    worker.start()
    broker(redis).send_task("notifications.sweep", queue="notifications")
    wait_for(lambda: email_rows(Notification.State.SENT).count() == 100, what="100 e-mails")
    recipients = sent_mail(mail_dir)
    assert len(recipients) == 100
    assert sorted(recipients) == sorted(f"To: student{n}@example.org" for n in range(100))


def queue_without_delivery(count) -> list[int]:
    users = [member(OrganisationFactory(), Membership.Role.STUDENT) for _ in range(count)]
    services._broker_down_until = time.monotonic() + 3600  # keep this process from sending
    try:
        rows = [
            services.notify(
                kind="partners.invitation_accepted",
                key=f"batch:{user.pk}",
                recipient=user,
                context=accepted_context(),
            )
            for user in users
        ]
    finally:
        services._broker_down_until = 0.0
    return [row.pk for group in rows for row in group if row.channel == "email"]


def test_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(redis, worker, mail_dir):
    ids = queue_without_delivery(30)
    app = broker(redis)
    for notification_id in ids:
        app.send_task("notifications.deliver", args=[notification_id], queue="notifications")

    worker.start(TEST_MAIL_BLOCK_AT="10")
    wait_for(lambda: (mail_dir / "blocked").exists(), what="the worker to reach message 11")
    worker.kill()
    assert len(sent_mail(mail_dir)) == 10
    # The notice the worker was handing over stays marked until the mark is stale.
    assert email_rows(Notification.State.SENDING).count() == 1

    worker.start()
    age_the_sending_marks()
    app.send_task("notifications.sweep", queue="notifications")
    wait_for(lambda: email_rows(Notification.State.SENT).count() == 30, what="30 e-mails")
    time.sleep(1)  # let any duplicate that was going to happen, happen
    recipients = sent_mail(mail_dir)
    assert len(recipients) == 30
    assert len(set(recipients)) == 30


def test_worker_killed_after_the_mail_server_accepted_resends_as_the_same_message(
    redis, worker, mail_dir
):
    ids = queue_without_delivery(5)
    app = broker(redis)
    for notification_id in ids:
        app.send_task("notifications.deliver", args=[notification_id], queue="notifications")

    worker.start(TEST_MAIL_BLOCK_AFTER="3")
    wait_for(lambda: (mail_dir / "blocked").exists(), what="the third message to be accepted")
    worker.kill()
    accepted = message_ids(mail_dir)
    assert len(accepted) == 3

    # Taken up again at once (a redelivered task, a sweep) the marked notice is not sent.
    worker.start()
    app.send_task("notifications.sweep", queue="notifications")
    wait_for(lambda: email_rows(Notification.State.SENT).count() == 4, what="the other notices")
    time.sleep(1)
    assert len(message_ids(mail_dir)) == 5  # the marked one is not sent again yet

    # Once the mark is stale it goes again, as the same message.
    age_the_sending_marks()
    app.send_task("notifications.sweep", queue="notifications")
    wait_for(lambda: email_rows(Notification.State.SENT).count() == 5, what="the marked notice")
    time.sleep(1)
    sent = message_ids(mail_dir)
    assert len(sent) == 6
    assert len(set(sent)) == 5  # one duplicate, which a receiving server can drop
    duplicated = {value for value in sent if sent.count(value) == 2}
    assert duplicated <= set(accepted) and len(duplicated) == 1


def test_rolled_back_transaction_sends_nothing_through_a_real_worker(redis, worker, mail_dir):
    class Undo(Exception):
        pass

    user = member(OrganisationFactory(), Membership.Role.STUDENT)
    with pytest.raises(Undo), transaction.atomic():
        services.notify(
            kind="partners.invitation_accepted",
            key="rolled-back",
            recipient=user,
            context=accepted_context(),
        )
        raise Undo
    barrier = queue_without_delivery(1)
    worker.start()
    broker(redis).send_task("notifications.sweep", queue="notifications")
    wait_for(
        lambda: Notification.objects.filter(pk__in=barrier, state="sent").exists(),
        what="the barrier notice",
    )
    assert len(sent_mail(mail_dir)) == 1
    assert not Notification.objects.filter(idempotency_key__startswith="rolled-back").exists()
