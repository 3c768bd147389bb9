"""Stage 8: mentoring programmes, their enrolments and pairs."""

import datetime

from mentoring.models import Enrolment, Pair, Programme

from .base import LANGUAGES, TAG, Seeding, bulk, tagged_ids


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("mentoring")
    total = seeder.sizes["pairs"]
    schools = seeder.schools()
    count = max(1, total // 1000)
    mentors_all = tagged_ids("t") + tagged_ids("k")
    mentees_all = [s[0] for s in seeder.students()]
    for n in range(count):
        size = total // count + (1 if n < total % count else 0)
        programme = add_programme(seeder, rng, n, schools[n % len(schools)])
        mentor_ids = rng.sample(mentors_all, min(len(mentors_all), -(-size // 3)))
        mentee_ids = rng.sample(mentees_all, size)
        enrolled = enrol(rng, programme, mentor_ids, mentee_ids)
        bulk(Pair, pairs(rng, programme, enrolled, mentor_ids, mentee_ids))


def add_programme(seeder: Seeding, rng, n: int, school):
    starts = seeder.today - datetime.timedelta(days=365 * (n % 3) + rng.randint(0, 200))
    name = f"{TAG}Mentoring programme {n + 1}"
    programme = Programme.objects.create(
        name=name,
        name_fi=name,
        name_en=name,
        kind=Programme.Kind.REVERSE if n % 4 == 3 else Programme.Kind.ONE_TO_ONE,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=365),
        enrol_from=starts - datetime.timedelta(days=30),
        enrol_until=starts,
        default_capacity=3,
        max_capacity=3,
    )
    programme.organisers.add(school)
    return programme


def enrol(rng, programme, mentor_ids: list[int], mentee_ids: list[int]) -> dict[int, int]:
    """Enrol the mentors and mentees; return each one's enrolment id by user id."""

    def enrolment(user_id, *, mentor):
        return Enrolment(
            programme=programme,
            user_id=user_id,
            as_mentor=mentor,
            as_mentee=not mentor,
            skills_offered=["customer service", "planning"] if mentor else [],
            skills_wanted=[] if mentor else ["planning"],
            languages=rng.sample(LANGUAGES, 2),
            capacity=3 if mentor else 1,
        )

    bulk(Enrolment, [enrolment(pk, mentor=True) for pk in mentor_ids])
    bulk(Enrolment, [enrolment(pk, mentor=False) for pk in mentee_ids])
    return dict(programme.enrolments.values_list("user_id", "pk"))


def pairs(rng, programme, enrolled: dict[int, int], mentor_ids: list[int], mentee_ids: list[int]):
    P = Pair.Status
    statuses = [P.ACTIVE] * 8 + [P.COMPLETED] * 6 + [P.PROPOSED, P.ACCEPTED] + [P.ENDED] * 2
    statuses += [P.DECLINED] * 2
    starts = programme.starts_on
    rows = []
    for i, mentee in enumerate(mentee_ids):
        status = rng.choice(statuses)
        created = datetime.datetime.combine(
            starts + datetime.timedelta(days=rng.randint(0, 20)),
            datetime.time(10),
            tzinfo=datetime.UTC,
        )
        started = created + datetime.timedelta(days=7)
        rows.append(
            Pair(
                programme=programme,
                mentor_id=enrolled[mentor_ids[i // 3 % len(mentor_ids)]],
                mentee_id=enrolled[mentee],
                status=status,
                origin=Pair.Origin.ROUND,
                score=rng.randint(40, 95),
                mentor_accepted_at=started if status not in (P.PROPOSED,) else None,
                mentee_accepted_at=started if status not in (P.PROPOSED,) else None,
                started_at=started if status in (P.ACTIVE, P.COMPLETED, P.ENDED) else None,
                ended_at=started + datetime.timedelta(days=180)
                if status in (P.COMPLETED, P.ENDED)
                else None,
                created_at=created,
            )
        )
    return rows
