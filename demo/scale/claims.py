"""Stage 7: students' claims for badges, in every state of assessment."""

import datetime
from collections import defaultdict

from partners.models import Membership
from worklife_passport.models import Badge, Claim

from .base import DOMAIN, TAG, ScaleError, Seeding, bulk


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("claims")
    badges_of = defaultdict(list)
    for pk, issuer_id in Badge.objects.filter(issuer__slug__startswith=TAG).values_list(
        "pk", "issuer_id"
    ):
        badges_of[issuer_id].append(pk)
    assessor_of = dict(
        Membership.objects.filter(
            user__email__endswith="@" + DOMAIN, role=Membership.Role.TEACHER
        ).values_list("organisation_id", "user_id")
    )
    students = [s for s in seeder.students() if badges_of.get(s[1])]
    if seeder.sizes["claims"] > len(students):
        raise ScaleError("More claims were asked for than there are students.")
    S = Claim.Status
    statuses = [S.SUBMITTED] * 6 + [S.RESUBMITTED, S.DRAFT, S.DRAFT, S.RETURNED]
    statuses += [S.APPROVED] * 6 + [S.REJECTED] * 2
    rows = []
    for user_id, school_id, _address, _name in rng.sample(students, seeder.sizes["claims"]):
        status = rng.choice(statuses)
        submitted = seeder.now - datetime.timedelta(hours=rng.randint(1, 2 * 8760))
        decided = status in (S.APPROVED, S.REJECTED, S.RETURNED)
        rows.append(
            Claim(
                student_id=user_id,
                badge_id=rng.choice(badges_of[school_id]),
                status=status,
                narrative="I planned and carried out the task with my workplace instructor.",
                assessor_id=assessor_of.get(school_id) if decided else None,
                submitted_at=submitted if status != S.DRAFT else None,
                decided_at=submitted + datetime.timedelta(days=4) if decided else None,
                status_changed_at=submitted,
            )
        )
    bulk(Claim, rows)
