"""The cache, which the portal can do without.

Everything the portal keeps in Redis (rendered lists, unread counts, report figures,
login rate limits) can be computed again, so a Redis that is down or slow must not take
pages down with it: a read is a miss, a write is dropped, and the page is rendered from
the database. Sessions are kept in the database for the same reason.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: After a failure, how long to leave Redis alone before trying again, so that pages do
#: not each wait for a connection timeout.
PAUSE_SECONDS = 5


class _TolerantClient(RedisCacheClient):
    _down_until = 0.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # One client per connection pool, kept: Django makes a new one for every call,
        # and each copies redis-py's table of ~170 reply callbacks (a fifth of a
        # millisecond, several times a page).
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _try(self, method, default, *args):
        cls = type(self)
        if time.monotonic() < cls._down_until:
            return default
        try:
            return getattr(super(), method)(*args)
        except RedisError:
            cls._down_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("Cache unreachable; pages are rendered without it.", exc_info=True)
            return default

    def add(self, key, value, timeout):
        return self._try("add", False, key, value, timeout)

    def get(self, key, default):
        return self._try("get", default, key, default)

    def set(self, key, value, timeout):
        return self._try("set", None, key, value, timeout)

    def touch(self, key, timeout):
        return self._try("touch", False, key, timeout)

    def delete(self, key):
        return self._try("delete", False, key)

    def get_many(self, keys):
        return self._try("get_many", {}, keys)

    def has_key(self, key):
        return self._try("has_key", False, key)

    def incr(self, key, delta):
        missing = object()
        value = self._try("incr", missing, key, delta)
        if value is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")
        return value

    def set_many(self, data, timeout):
        return self._try("set_many", None, data, timeout)

    def delete_many(self, keys):
        return self._try("delete_many", None, keys)

    def clear(self):
        return self._try("clear", False)


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis cannot be reached,
    and keeping its Redis clients."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _TolerantClient
