from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from core.cache import cache

from .models import Notification

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from accounts.models import User

#: How long a person's unread count may be read from the cache; every notice written or
#: read through the services retires it at once.
UNREAD_CACHE_SECONDS = 300


def inbox(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(
        recipient=user, channel=Notification.Channel.IN_APP
    ).order_by("-created_at", "-pk")


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(*, user: User) -> int:
    """The number on the bell of every page, kept in the cache."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(
            recipient=user, channel=Notification.Channel.IN_APP, read_at__isnull=True
        ).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def forget_unread_counts(user_ids: Iterable[int]) -> None:
    """Count again on the next page: at once, and when the transaction commits, as a page
    in between may have kept the old count."""
    keys = [_unread_key(pk) for pk in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
