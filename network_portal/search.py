"""The portal's one search box: each kind of content is found through the selector of its
own list, so a reader finds here exactly what that list would show them, and the link to
the list carries the words on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from catalogue import selectors as catalogue_selectors
from core.search import corrected, ranked
from events import selectors as event_selectors
from exchanges import selectors as exchange_selectors
from partners import selectors as partner_selectors
from worklife_passport import selectors as passport_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet
    from django.http import HttpRequest, HttpResponse
    from django_stubs_ext import StrOrPromise

    from accounts.models import User

    Viewer = User | AnonymousUser

#: Rows shown of each kind; the rest are on the kind's own list.
ROWS = 5
#: The words kept of a query: the lists' own search fields take no more.
MAX_LENGTH = 100


def _offers(viewer: Viewer, q: str) -> QuerySet[Any]:
    return exchange_selectors.offer_search(filters={"q": q}).select_related("host")


def _organisations(viewer: Viewer, q: str) -> QuerySet[Any]:
    return partner_selectors.organisation_directory(filters={"q": q})


def _badges(viewer: Viewer, q: str) -> QuerySet[Any]:
    return passport_selectors.catalogue(filters={"q": q})


def _services(viewer: Viewer, q: str) -> QuerySet[Any]:
    # The rows show the provider, not the needs the list prefetches.
    return catalogue_selectors.service_search(filters={"q": q}).prefetch_related(None)


def _materials(viewer: Viewer, q: str) -> QuerySet[Any]:
    return catalogue_selectors.material_search(viewer=viewer, filters={"q": q}).prefetch_related(
        None
    )


def _events(viewer: Viewer, q: str) -> QuerySet[Any]:
    # The rows here show no organisers.
    return event_selectors.event_search(filters={"q": q}).prefetch_related(None)


@dataclass(frozen=True)
class Kind:
    """One kind of content: how it is found, how its rows are ordered after the title
    matches, and the list that shows all of it."""

    key: str
    heading: StrOrPromise
    find: Callable[[Viewer, str], QuerySet[Any]]
    ordering: tuple[str, ...]
    list_url: str


KINDS = (
    Kind("offers", _("Placements"), _offers, ("deadline", "pk"), "exchanges:offer_list"),
    Kind(
        "organisations",
        _("Partners"),
        _organisations,
        ("name", "pk"),
        "partners:organisation_list",
    ),
    Kind("badges", _("Badges"), _badges, ("name", "pk"), "passport:catalogue"),
    Kind("services", _("Training services"), _services, ("title", "pk"), "catalogue:service_list"),
    Kind(
        "materials",
        _("Learning materials"),
        _materials,
        ("-created_at", "-pk"),
        "catalogue:material_list",
    ),
    Kind("events", _("Events"), _events, ("starts_at", "pk"), "events:event_list"),
)


@dataclass(frozen=True)
class Group:
    """The first rows of one kind that match, how many match in all, and the address of
    the kind's list narrowed to the same words."""

    kind: Kind
    count: int
    rows: list[Any]
    list_url: str


def search_groups(*, viewer: Viewer, q: str) -> list[Group]:
    """The kinds with rows that match ``q`` as ``viewer`` may see them: two queries for a
    kind that has some (the number, the first rows), one for a kind that has none."""
    groups = []
    for kind in KINDS:
        found = kind.find(viewer, q)
        count = found.count()
        if count:
            rows = list(ranked(found, *kind.ordering)[:ROWS])
            url = f"{reverse(kind.list_url)}?{urlencode({'q': q})}"
            groups.append(Group(kind=kind, count=count, rows=rows, list_url=url))
    return groups


def suggestion(*, viewer: Viewer, q: str) -> str | None:
    """The nearest spelling of ``q`` where that finds something the viewer may see."""
    better = corrected(q)
    if better and any(kind.find(viewer, better).exists() for kind in KINDS):
        return better
    return None


def cleaned_query(text: str) -> str:
    """The words asked for, as one line of printable text no longer than the lists take."""
    line = " ".join(text.split())
    return "".join(char for char in line if char.isprintable())[:MAX_LENGTH].strip()


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    q = cleaned_query(request.GET.get("q", ""))
    context: dict[str, Any] = {"q": q, "groups": [], "suggestion": None}
    if q:
        context["groups"] = search_groups(viewer=request.user, q=q)
        if not context["groups"]:
            better = suggestion(viewer=request.user, q=q)
            if better:
                context["suggestion"] = better
                context["suggestion_url"] = f"{reverse('search')}?{urlencode({'q': better})}"
    return render(request, "network_portal/search.html", context)
