"""The portal keeps working, without its cache, while Redis cannot be reached."""

import pytest

from core import cache as tolerant
from core.cache import TolerantRedisCache
from tests.factories import UserFactory

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once
OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


@pytest.fixture(autouse=True)
def _no_pause(monkeypatch):
    monkeypatch.setattr(tolerant._TolerantClient, "_down_until", 0.0)


def test_an_unreachable_cache_reads_as_empty_and_drops_writes():
    cache = TolerantRedisCache(UNREACHABLE, {"OPTIONS": OPTIONS})
    cache.set("key", 1)
    assert cache.get("key", "missing") == "missing"
    assert cache.get_many(["key"]) == {}
    assert cache.add("key", 2) is False
    assert cache.get_or_set("key", 3) == 3
    cache.delete_many(["key"])
    with pytest.raises(ValueError):
        cache.incr("key")


def test_after_a_failure_the_cache_is_left_alone_for_a_while(monkeypatch):
    cache = TolerantRedisCache(UNREACHABLE, {"OPTIONS": OPTIONS})
    cache.get("key")
    calls = []
    monkeypatch.setattr(
        tolerant.RedisCacheClient, "get", lambda *args: calls.append(args) or "found"
    )
    assert cache.get("key", "missing") == "missing"
    assert calls == []


@pytest.mark.django_db
def test_pages_are_served_from_the_database_while_the_cache_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": UNREACHABLE,
            "OPTIONS": OPTIONS,
        },
    }
    assert client.get("/en/partners/").status_code == 200
    assert client.get("/en/exchanges/").status_code == 200
    client.force_login(UserFactory())
    assert client.get("/en/passport/").status_code == 200
    assert client.get("/en/notifications/").status_code == 200
