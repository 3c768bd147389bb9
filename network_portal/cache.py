"""The two caches of the portal.

``default`` is the database (``django.core.cache.backends.db.DatabaseCache``): it holds
what must keep working while Redis is down, above all the login rate limits of allauth,
which always use the default cache.

``shared`` (``network_portal.cache.shared``) is Redis through django-redis, for what can
be computed again: rendered fragments and their table versions, unread counts, filter
choices, report figures. With ``IGNORE_EXCEPTIONS`` a Redis that is down or slow reads as
an empty cache and drops writes, call by call, and the page is rendered from the database.
"""

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

SHARED = "shared"

#: Like ``django.core.cache.cache``, for the ``shared`` alias.
shared = ConnectionProxy(caches, SHARED)
