"""Stage 3: the schools' badges, each issuer with its signing key and status list."""

from worklife_passport.models import Badge, StatusList
from worklife_passport.openbadges import keys

from .base import TAG, Seeding, bulk


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("badges")
    schools = seeder.schools()
    categories = [c for c, _label in Badge.Category.choices]
    rows = []
    for n in range(1, seeder.sizes["badges"] + 1):
        category = categories[n % len(categories)]
        name = f"{TAG}{category.replace('_', ' ').capitalize()} {n}"
        rows.append(
            Badge(
                issuer=schools[n % len(schools)],
                name=name,
                name_fi=name,
                name_en=name,
                description=f"Shows work-life skills, level {rng.randint(1, 5)}.",
                criteria="Complete the tasks and describe what you learned.",
                category=category,
                evidence_required=["text"],
                assessor_roles=["teacher", "coordinator"],
                valid_days=rng.choice([None, None, 365 * 3]),
            )
        )
    bulk(Badge, rows)
    issuers = {badge.issuer for badge in rows}
    for issuer in sorted(issuers, key=lambda o: o.pk):
        keys.active_key(issuer)
    StatusList.objects.bulk_create([StatusList(organisation=o) for o in issuers])
