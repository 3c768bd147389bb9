from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q
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


def round_rows(round_: MatchingRound) -> list[dict]:
    """The proposals of a round, with the people and each pair's explanation."""
    from . import matching

    ids = {p["mentor"] for p in round_.proposals} | {p["mentee"] for p in round_.proposals}
    people = (
        Enrolment.objects.select_related("user", "organisation")
        .prefetch_related("sectors")
        .in_bulk(ids)
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
        for proposal in round_.proposals
    ]


def programme_pairs(programme: Programme) -> QuerySet[Pair]:
    return (
        Pair.objects.filter(programme=programme)
        .select_related("mentor__user", "mentee__user")
        .prefetch_related(Prefetch("meetings", queryset=Meeting.objects.only("pair_id", "date")))
        .order_by("status", "-created_at")
    )


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
