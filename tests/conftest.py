import pytest
from django.conf import settings
from django.db import connection


def pytest_collection_modifyitems(config, items):
    needs = []
    if connection.vendor != "postgresql":
        needs.append(("postgres", "PostgreSQL (row locks, concurrency): set DATABASE_URL"))
    if not settings.REDIS_URL:
        needs.append(("redis", "Redis: set REDIS_URL"))
    for marker, what in needs:
        skip = pytest.mark.skip(reason=f"needs {what}; CI always runs it")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PUBLIC_MEDIA_ROOT = str(tmp_path / "public-media")


@pytest.fixture(autouse=True)
def _own_cache_keys(settings):
    """Each test reads and writes its own cache keys, so counters such as login rate
    limits do not carry over from an earlier test or run on a shared Redis."""
    import uuid

    settings.CACHES = {
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}"}
        for name, config in settings.CACHES.items()
    }


@pytest.fixture
def fresh_fragments(settings):
    """Pages rendered afresh on every request: what a query count must measure, as a
    kept fragment would hide the queries of the rows under it."""
    settings.FRAGMENT_SECONDS = 0


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_tasks_in_process():
    """Run tasks in the test's own process, also in CI where REDIS_URL is set.

    The tests that need a real broker and worker start their own
    (tests/notifications/test_reliability.py).
    """
    from network_portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before
