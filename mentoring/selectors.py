from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from . import rules
from .models import Enrolment, Goal, MatchingRound, Meeting, Pair, PairEvent, Programme

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet

    from accounts.models import User


def programme_list() -> QuerySet[Programme]:
    return (
        Programme.objects.filter(is_active=True)
        .prefetch_related("organisers")
        .annotate(
            mentors=Count("enrolments", filter=Q(enrolments__as_mentor=True), distinct=True),
            mentees=Count("enrolments", filter=Q(enrolments__as_mentee=True), distinct=True),
        )
        .order_by("-starts_on", "name")
    )


def programme_page(*, viewer: User, programme: Programme) -> dict:
    """What the programme's page shows a logged-in person: their enrolment and pairs."""
    enrolment = Enrolment.objects.filter(programme=programme, user=viewer).first()
    pairs = (
        Pair.objects.filter(Q(mentor=enrolment) | Q(mentee=enrolment))
        .select_related("mentor__user", "mentee__user")
        .order_by("-created_at")
        if enrolment is not None
        else []
    )
    return {"enrolment": enrolment, "my_pairs": list(pairs)}


def programmes_enrolled(viewer: User) -> QuerySet[Programme]:
    """The programmes ``viewer`` is enrolled in: the ones they may evaluate."""
    return Programme.objects.filter(enrolments__user=viewer).distinct()


_PAIR_PAGE = ("programme", "programme__badge", "mentor__user", "mentee__user")


def pair_for_viewer(
    *, viewer: User | AnonymousUser, pk: int, related: tuple[str, ...] = _PAIR_PAGE
) -> Pair:
    """The pair, with ``related`` joined (the access check alone needs only the two
    enrolments)."""
    pair = Pair.objects.select_related(*related).filter(pk=pk).first()
    if pair is None or not rules.can_view_pair(viewer, pair):
        raise Http404
    return pair


def pair_page(*, viewer: User | AnonymousUser, pair: Pair) -> dict:
    meetings = Meeting.objects.filter(pair=pair).select_related("logged_by")
    if not rules.can_read_notes(viewer, pair):
        meetings = meetings.defer("notes")
    return {
        "meetings": list(meetings),
        "goals": list(Goal.objects.filter(pair=pair)),
        "events": list(PairEvent.objects.filter(pair=pair).select_related("actor")),
        "feedback": list(pair.feedback.select_related("author")),
    }


#: Rows per page of the coordination page's two lists.
ROUND_ROWS_PER_PAGE = 25
PAIRS_PER_PAGE = 25


def coordination_page(
    *,
    programme: Programme,
    text: str = "",
    status: str = "",
    round_number: str | int | None = 1,
    pairs_number: str | int | None = 1,
) -> dict:
    """What the coordination page shows: the round in preview, if any, and a page of its
    proposals; a page of the programme's pairs. With ``text``, both lists keep the pairs
    whose mentor's or mentee's name holds it (the names are matched once for both), with
    ``status`` the programme's pairs in it."""
    latest = programme.rounds.filter(status=MatchingRound.Status.PREVIEW).first()
    named = (
        set(
            Enrolment.objects.filter(
                programme=programme, user__full_name__icontains=text
            ).values_list("pk", flat=True)
        )
        if text
        else None
    )
    return {
        "round": latest,
        "proposals": round_page(round_=latest, named=named, number=round_number)
        if latest
        else None,
        "pairs": programme_pairs(programme, named=named, status=status, number=pairs_number),
    }


def round_page(
    *, round_: MatchingRound, named: set[int] | None = None, number: str | int | None = 1
) -> dict:
    """One page of a round's proposals, with the people and the explanation of those
    shown; with ``named``, only the proposals whose mentor or mentee is one of them.

    A round keeps its proposals as a list, so the page is a slice of it: the people and
    their points are read for the rows shown only, whatever the size of the round."""
    proposals = round_.proposals
    if named is not None:
        proposals = [p for p in proposals if p["mentor"] in named or p["mentee"] in named]
    page = Paginator(proposals, ROUND_ROWS_PER_PAGE).get_page(number)
    return {"page": page, "rows": round_rows(round_, list(page.object_list))}


def round_rows(round_: MatchingRound, proposals: list[dict]) -> list[dict]:
    """``proposals`` of the round, with the people and each pair's explanation."""
    from . import matching

    ids = {p["mentor"] for p in proposals} | {p["mentee"] for p in proposals}
    people = (
        Enrolment.objects.select_related("user")
        .only("user__full_name", *matching.PERSON_FIELDS)
        .prefetch_related("sectors")
        .in_bulk(ids)
        if ids
        else {}
    )
    return [
        {
            "mentor": people[proposal["mentor"]],
            "mentee": people[proposal["mentee"]],
            "score": proposal["score"],
            "points": matching.enrolment_points(
                round_.programme, people[proposal["mentor"]], people[proposal["mentee"]]
            ),
        }
        for proposal in proposals
    ]


def programme_pairs(
    programme: Programme,
    *,
    named: set[int] | None = None,
    status: str = "",
    number: str | int | None = 1,
) -> dict:
    """One page of the programme's pairs, each with its meetings counted (``meeting_count``)
    and whether it has gone quiet (``quiet``, as the coordinators' alert tells); with
    ``named``, the pairs whose mentor or mentee is one of those enrolments, with ``status``,
    those in it."""
    from .services.relationship import quiet_pairs

    pairs = Pair.objects.filter(programme=programme)
    if named is not None:
        pairs = pairs.filter(Q(mentor_id__in=named) | Q(mentee_id__in=named))
    if status:
        pairs = pairs.filter(status=status)
    # The page's keys first, from the pairs alone; then its rows with their people and
    # meetings: joined and counted before the sort, every pair of a programme would be.
    ordered = pairs.order_by("status", "-created_at", "-pk").values_list("pk", flat=True)
    page = Paginator(ordered, PAIRS_PER_PAGE).get_page(number)
    ids = list(page.object_list)
    meetings = (
        Meeting.objects.filter(pair=OuterRef("pk"))
        .order_by()
        .values("pair")
        .annotate(count=Count("pk"))
        .values("count")
    )
    found = (
        Pair.objects.filter(pk__in=ids)
        .select_related("mentor__user", "mentee__user")
        .only("status", "created_at", "mentor__user__full_name", "mentee__user__full_name")
        .annotate(
            meeting_count=Coalesce(Subquery(meetings), 0),
            quiet=Exists(quiet_pairs().filter(pk=OuterRef("pk"))),
        )
        .in_bulk()
        if ids
        else {}
    )
    return {"page": page, "rows": [found[pk] for pk in ids]}


def suggestions_page(*, enrolment: Enrolment | None, text: str = "") -> dict:
    """The profiles the programme page suggests to ``enrolment``: mentors for a mentee,
    mentees to invite for a mentor; with ``text``, only those it finds, in the same order.

    ``profile_search`` tells whether the page offers the search: to whoever is suggested
    someone without a text query. Where the query finds nobody, the lists are read again
    without it to tell (only then, so a query that finds someone costs no more)."""
    from .services import pairs

    found: dict = {"suggestions": [], "invitable": []}
    if enrolment is None:
        return {**found, "profile_search": False, "nothing_found": False}
    text = text.strip()
    if enrolment.as_mentee:
        found["suggestions"] = pairs.suggestions(enrolment, text=text)
    if enrolment.as_mentor:
        found["invitable"] = pairs.mentees_to_invite(enrolment, text=text)
    anybody = bool(found["suggestions"] or found["invitable"])
    if anybody or not text:
        return {**found, "profile_search": anybody, "nothing_found": False}
    unasked = suggestions_page(enrolment=enrolment)
    return {**found, "profile_search": unasked["profile_search"], "nothing_found": True}
