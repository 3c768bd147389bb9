"""Saved offer searches, their daily e-mail, and the private calendar address."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from notifications.services import notify
from partners.models import hash_token

from .. import selectors
from ..forms import OfferFilterForm
from ..models import CalendarFeed, SavedSearch, query_fingerprint

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def saved_search_create(*, user: User, name: str, query: dict) -> tuple[SavedSearch, bool]:
    """Save the search, or return the person's search with the same filters:
    ``(search, created)``. One search means one e-mail about the same new offers."""
    # One a second submit saved at the same moment is read back: that one stands.
    return SavedSearch.objects.get_or_create(
        user=user,
        fingerprint=query_fingerprint(query),
        defaults={"name": name.strip()[:100], "query": query},
    )


@transaction.atomic
def saved_search_delete(*, user: User, search: SavedSearch) -> None:
    if search.user_id != user.pk:
        raise PermissionError
    search.delete()


@transaction.atomic
def saved_search_check(*, search: SavedSearch) -> int:
    """Tell the person about offers published since the last check; returns how many."""
    now = timezone.now()
    new = selectors.offer_search(filters=OfferFilterForm(search.query).filters()).filter(
        published_at__gt=search.last_checked_at, published_at__lte=now
    )
    titles = list(new.order_by("-published_at").values_list("title", flat=True)[:10])
    count = new.count()
    if count:
        notify(
            kind="exchanges.saved_search",
            key=f"exchanges.saved_search:{search.pk}:{now:%s%f}",
            recipient=search.user,
            context={
                "name": search.name,
                "count": count,
                "titles": titles,
                "link": {"name": "exchanges:offer_list", "kwargs": {}},
                "query": search.query,
            },
        )
    SavedSearch.objects.filter(pk=search.pk).update(last_checked_at=now)
    return count


@transaction.atomic
def calendar_feed_renew(*, user: User) -> str:
    """Give ``user`` a new private calendar address, retiring the old one, and return its
    token. This is the only time the token is known: only its hash is kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": hash_token(token)})
    return token


def calendar_feed_by_token(token: str) -> CalendarFeed | None:
    return CalendarFeed.objects.select_related("user").filter(token_hash=hash_token(token)).first()
