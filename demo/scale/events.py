"""Stage 9: seminars organised by the schools, with registrations and check-ins."""

import datetime
from collections import defaultdict

from events.models import Event, Registration

from .base import TAG, Seeding, bulk, tagged_ids


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("events")
    schools = seeder.schools()
    people = [s[0] for s in seeder.students()] + tagged_ids("t")
    kinds = [k for k, _label in Event.Kind.choices]
    rows = []
    for n in range(1, seeder.sizes["events"] + 1):
        starts = seeder.now + datetime.timedelta(hours=rng.randint(-3 * 8760, 4380))
        rows.append(
            Event(
                title=f"{TAG}Seminar {n}",
                description="Working life and education meet.",
                kind=rng.choice(kinds),
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3),
                venue="Main hall",
                capacity=1,
            )
        )
    bulk(Event, rows)
    events = list(Event.objects.filter(title__startswith=TAG).order_by("pk"))
    through = Event.organisers.through
    bulk(
        through,
        (
            through(event_id=event.pk, organisation_id=schools[i % len(schools)].pk)
            for i, event in enumerate(events)
        ),
    )
    confirmed = register(seeder, rng, events, people)
    for event in events:
        event.registered = confirmed[event.pk]
        event.capacity = max(1, confirmed[event.pk] + rng.randint(0, 20))
    Event.objects.bulk_update(events, ["registered", "capacity"], batch_size=1000)


def register(seeder: Seeding, rng, events: list, people: list[int]) -> dict[int, int]:
    """Register people for the events; return how many are confirmed for each."""
    S = Registration.Status
    regs = []
    confirmed: defaultdict[int, int] = defaultdict(int)
    base, extra = divmod(seeder.sizes["registrations"], len(events))
    for i, event in enumerate(events):
        for user_id in rng.sample(people, base + (1 if i < extra else 0)):
            status = S.WAITING if rng.random() < 0.03 else S.CONFIRMED
            if rng.random() < 0.05:
                status = S.CANCELLED
            past = event.starts_at < seeder.now
            confirmed[event.pk] += status == S.CONFIRMED
            regs.append(
                Registration(
                    event=event,
                    user_id=user_id,
                    status=status,
                    created_at=event.starts_at - datetime.timedelta(days=rng.randint(1, 40)),
                    checked_in_at=event.starts_at
                    if past and status == S.CONFIRMED and rng.random() < 0.8
                    else None,
                )
            )
    bulk(Registration, regs)
    return confirmed
