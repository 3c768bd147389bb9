"""The portal keeps working, without its cache, while Redis cannot be reached."""

import pytest
from django.core.cache import caches
from django.core.management import call_command

from tests.factories import UserFactory

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once
SHARED_DOWN = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": UNREACHABLE,
    "OPTIONS": {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
    },
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {**settings.CACHES, "shared": SHARED_DOWN}


def test_an_unreachable_cache_reads_as_empty_and_drops_writes(redis_down):
    cache = caches["shared"]
    cache.set("key", 1)
    assert cache.get("key", "missing") == "missing"
    assert cache.get_many(["key"]) == {}
    assert cache.get_or_set("key", 3) == 3
    cache.delete_many(["key"])


def test_after_a_failure_the_next_write_is_tried_again(redis_down, monkeypatch):
    cache = caches["shared"]
    cache.get("key")
    client = cache.client
    calls = []
    monkeypatch.setattr(client, "set_many", lambda *args, **kwargs: calls.append(args))
    cache.set_many({"fragments:table:x": 1})
    assert len(calls) == 1  # not dropped for a while, as a version bump must not be


@pytest.mark.django_db
def test_pages_are_served_from_the_database_while_the_cache_is_down(client, redis_down):
    assert client.get("/en/partners/").status_code == 200
    assert client.get("/en/exchanges/").status_code == 200
    client.force_login(UserFactory())
    assert client.get("/en/passport/").status_code == 200
    assert client.get("/en/notifications/").status_code == 200


@pytest.mark.django_db
def test_login_rate_limits_keep_counting_while_redis_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache_test",
        },
        "shared": SHARED_DOWN,
    }
    call_command("createcachetable", verbosity=0)
    person = UserFactory(email="limited@example.org")
    person.set_password("correct-horse-battery-9")
    person.save()
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"login": person.email, "password": "wrong"})
    response = client.post(
        "/en/accounts/login/", {"login": person.email, "password": "correct-horse-battery-9"}
    )
    # Even the right password is refused during the cool-off.
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
