"""The cache the portal shares between its processes, which it can do without.

Everything kept there (rendered fragments, the versions of the tables under them, unread
counts, report figures) can be computed again, so a Redis that is down or slow must not
take pages down with it. The ``shared`` alias is django-redis with ``IGNORE_EXCEPTIONS``
and short socket timeouts: while Redis cannot be reached a read is a miss, a write is
dropped, and the page is rendered from the database. What must keep counting through an
outage (allauth's login rate limits, on Django's ``default`` cache) is kept in the
database, as are sessions.
"""

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.utils.connection import ConnectionProxy
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis import Redis

SHARED = "shared"

#: ``caches["shared"]``, looked up afresh on each use (as ``django.core.cache.cache``
#: is), so settings overridden in tests apply.
cache: BaseCache = ConnectionProxy(caches, SHARED)  # type: ignore[assignment]


def redis() -> Redis | None:
    """The client of the shared cache's Redis, for what the cache API cannot say (a
    counter in a hash), or None where the shared cache is not Redis (the embedded
    default). Its commands raise ``redis.RedisError`` when Redis cannot be reached."""
    if not isinstance(caches[SHARED], RedisCache):
        return None
    return get_redis_connection(SHARED)
