"""Stage 5: students' applications to the offers, through every state of the workflow."""

import datetime
from collections import defaultdict

from django.db.models import F
from django.db.models.functions import Coalesce

from exchanges.models import Application, MobilityForm, PlacementOffer
from partners.models import Membership

from .base import DOMAIN, TAG, Seeding, bulk

S = Application.Status


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("applications")
    students, offers = applicants(), offers_applied_for()
    open_offers = [o for o in offers if o[2] == PlacementOffer.Status.PUBLISHED]
    past_offers = [o for o in offers if o[2] != PlacementOffer.Status.PUBLISHED]
    seats_taken: defaultdict[int, int] = defaultdict(int)
    # The first student of each school keeps exactly one application, a submitted one,
    # so the pages measured for them look the same at any size.
    first_of_school: dict[int, int] = {}
    for user_id, school_id in students:
        first_of_school.setdefault(school_id, user_id)
    rows = []
    live: set[tuple[int, int]] = set()
    for n in range(seeder.sizes["applications"]):
        user_id, school_id = students[n % len(students)]
        is_first = first_of_school[school_id] == user_id
        if is_first and n >= len(students):
            user_id, school_id = students[(n + 1) % len(students)]
            is_first = first_of_school[school_id] == user_id
        offer, status = pick_offer(rng, is_first, open_offers, past_offers)
        status = keep_constraints(status, user_id, offer, live, seats_taken)
        rows.append(application(rng, user_id, school_id, offer, status))
    bulk(Application, rows)
    spread_and_count(seats_taken)


def applicants() -> list[tuple[int, int]]:
    return list(
        Membership.objects.filter(user__email__endswith="@" + DOMAIN, role=Membership.Role.STUDENT)
        .order_by("user_id")
        .values_list("user_id", "organisation_id")
    )


def offers_applied_for() -> list[tuple]:
    return list(
        PlacementOffer.objects.filter(host__slug__startswith=TAG)
        .exclude(status__in=[PlacementOffer.Status.DRAFT, PlacementOffer.Status.REVIEW])
        .exclude(form=MobilityForm.TEACHER_JOB_SHADOWING)  # staff apply for these
        .order_by("pk")
        .values_list("pk", "host_id", "status", "seats", "start_date", "end_date", "deadline")
    )


def pick_offer(rng, is_first: bool, open_offers: list, past_offers: list) -> tuple:
    if is_first or rng.random() < 0.35:
        offer = rng.choice(open_offers)
        open_states = [S.DRAFT, S.SUBMITTED, S.SUBMITTED, S.RETURNED, S.APPROVED, S.WITHDRAWN]
        return offer, S.SUBMITTED if is_first else rng.choice(open_states)
    offer = rng.choice(past_offers)
    past_states = [S.COMPLETED, S.RECOGNISED, S.RECOGNISED, S.REJECTED, S.CANCELLED]
    past_states += [S.ACCEPTED, S.AGREEMENT_SIGNED, S.IN_PROGRESS]
    return offer, rng.choice(past_states)


def keep_constraints(status: str, user_id: int, offer: tuple, live: set, seats_taken) -> str:
    """The status the application can have: one live application per person and offer (a
    constraint), and no more seats taken than the offer has."""
    pk, seats = offer[0], offer[3]
    if status not in Application.ENDED_STATES:
        if (user_id, pk) in live:
            status = S.WITHDRAWN
        else:
            live.add((user_id, pk))
    if status in Application.SEAT_STATES:
        if seats_taken[pk] >= seats:
            status = S.REJECTED
        else:
            seats_taken[pk] += 1
    return status


def application(rng, user_id: int, school_id: int, offer: tuple, status: str):
    pk, host_id, _offer_status, _seats, start, end, deadline = offer
    created = datetime.datetime.combine(
        deadline - datetime.timedelta(days=rng.randint(1, 40)),
        datetime.time(rng.randint(8, 20)),
        tzinfo=datetime.UTC,
    )
    submitted = created + datetime.timedelta(hours=2) if status != S.DRAFT else None
    approved = (
        submitted + datetime.timedelta(days=3)
        if submitted and status not in (S.SUBMITTED, S.RETURNED, S.WITHDRAWN, S.REJECTED)
        else None
    )
    return Application(
        applicant_id=user_id,
        offer_id=pk,
        home_id=school_id,
        host_id=host_id,
        motivation="I want to learn the trade in a real workplace abroad.",
        language_skills="English B2",
        start_date=start,
        end_date=end,
        status=status,
        submitted_at=submitted,
        approved_at=approved,
        status_changed_at=approved or submitted or created,
    )


def spread_and_count(seats_taken) -> None:
    # auto_now_add stamps today: spread the applications over the years they belong to.
    Application.objects.filter(home__slug__startswith=TAG).update(
        created_at=Coalesce(F("submitted_at") - datetime.timedelta(hours=2), F("status_changed_at"))
    )
    by_taken = defaultdict(list)
    for pk, taken in seats_taken.items():
        by_taken[taken].append(pk)
    for taken, pks in by_taken.items():
        PlacementOffer.objects.filter(pk__in=pks).update(seats_taken=taken)
