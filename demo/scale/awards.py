"""Stage 6: badges awarded to the students, spread over four years."""

import datetime
from collections import defaultdict

from worklife_passport.models import Award, Badge, StatusList

from .base import TAG, ScaleError, Seeding, bulk


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("awards")
    badges = list(
        Badge.objects.filter(issuer__slug__startswith=TAG)
        .order_by("pk")
        .values_list("pk", "issuer_id", "valid_days")
    )
    students = seeder.students()
    total = seeder.sizes["awards"]
    if total > len(students) * len(badges):
        raise ScaleError("More awards were asked for than there are student-badge pairs.")
    next_index: defaultdict[int, int] = defaultdict(int)
    sources = [Award.Source.CLAIM] * 4 + [
        Award.Source.EXCHANGE,
        Award.Source.EVENT,
        Award.Source.MENTORING,
        Award.Source.BULK,
        Award.Source.CODE,
    ]
    base, extra = divmod(total, len(students))

    def rows():
        for i, (user_id, _school, address, name) in enumerate(students):
            for badge_id, issuer_id, valid_days in rng.sample(
                badges, base + (1 if i < extra else 0)
            ):
                issued = seeder.now - datetime.timedelta(minutes=rng.randint(0, 4 * 525600))
                index = next_index[issuer_id]
                next_index[issuer_id] = index + 1
                yield Award(
                    badge_id=badge_id,
                    recipient_id=user_id,
                    recipient_email=address,
                    recipient_name=name,
                    issued_on=issued,
                    expires_on=issued + datetime.timedelta(days=valid_days) if valid_days else None,
                    source=rng.choice(sources),
                    status_index=index,
                    revoked_at=issued + datetime.timedelta(days=30)
                    if rng.random() < 0.005
                    else None,
                )

    bulk(Award, rows())
    for issuer_id, index in next_index.items():
        StatusList.objects.filter(organisation_id=issuer_id).update(next_index=index)
