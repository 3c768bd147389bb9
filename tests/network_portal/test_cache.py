"""The portal keeps working, without Redis, while Redis cannot be reached; what must not
lapse meanwhile (login rate limits) is kept in the database."""

import os

import pytest
from django.core.cache import caches
from django.utils import translation
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from network_portal import fragments
from network_portal.cache import shared
from network_portal.settings import cache_settings
from tests.factories import UserFactory

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once
REACHABLE = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/11"
OPTIONS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}


def redis_cache(location, **more):
    return {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, **more}


@pytest.fixture
def redis_down(settings):
    """The caches as deployed, with a Redis that refuses every connection."""
    settings.CACHES = cache_settings(UNREACHABLE)


def test_an_unreachable_cache_reads_as_empty_and_drops_writes():
    cache = RedisCache(UNREACHABLE, {"OPTIONS": OPTIONS})
    cache.set("key", 1)
    assert cache.get("key", "missing") == "missing"
    assert cache.get_many(["key"]) == {}
    assert not cache.add("key", 2)
    assert cache.get_or_set("key", 3) == 3
    cache.delete_many(["key"])


def test_a_version_moves_on_right_after_a_failed_call(settings, monkeypatch):
    """No pause after an error: the next write goes to Redis."""
    settings.CACHES = {
        **settings.CACHES,
        "shared": redis_cache(REACHABLE, OPTIONS=OPTIONS, KEY_PREFIX="test-no-pause"),
    }
    redis = shared.client.get_client(write=False)

    def refused(*args, **kwargs):
        raise RedisConnectionError("refused")

    with monkeypatch.context() as patch:
        patch.setattr(redis, "get", refused)
        assert shared.get("anything", "missing") == "missing"
    before = fragments._versions(["partners_organisation"])
    fragments.bump(["partners_organisation"])
    assert fragments._versions(["partners_organisation"]) != before
    shared.delete_many([fragments._VERSION + "partners_organisation"])


def test_the_rate_limits_are_not_kept_in_redis(settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert caches["default"] is not caches["shared"]


@pytest.mark.django_db
def test_a_login_rate_limit_still_refuses_while_redis_is_down(client, redis_down):
    user = UserFactory()
    wrong = {"login": user.email, "password": "not the password"}
    translation.activate("en")
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", wrong)
        # Refused for the wrong password, not turned away for the cache being down.
        assert response.status_code == 200
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post("/en/accounts/login/", wrong)
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.django_db
def test_pages_are_served_from_the_database_while_redis_is_down(client, redis_down):
    assert client.get("/en/partners/").status_code == 200
    assert client.get("/en/exchanges/").status_code == 200
    client.force_login(UserFactory())
    assert client.get("/en/passport/").status_code == 200
    assert client.get("/en/notifications/").status_code == 200
