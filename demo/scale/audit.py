"""Stage 12: the audit log of three years of a network's work: awards issued and
applications moved by the schools' staff, each entry about its organisation."""

import datetime

from django.contrib.contenttypes.models import ContentType

from core.models import AuditEntry
from exchanges.models import Application
from worklife_passport.models import Award

from .base import TAG, Seeding, bulk, tagged_ids

#: What the seeded entries carry in their details, so that they can be counted and
#: removed apart from what the portal logged about these people since.
SEEDED = {"seeded": TAG}

ACTIONS = [
    ("passport.award.created", Award, 0.5),
    ("exchanges.application.submit", Application, 0.2),
    ("exchanges.application.approve", Application, 0.2),
    ("exchanges.application.complete", Application, 0.1),
]


def seeded():
    return AuditEntry.objects.filter(data__seeded=TAG)


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("audit")
    staff = tagged_ids("t")  # the schools' staff
    awards = list(
        Award.objects.filter(badge__issuer__slug__startswith=TAG)
        .order_by("pk")
        .values_list("pk", "badge__issuer_id", "recipient_name")
    )
    applications = list(
        Application.objects.filter(home__slug__startswith=TAG)
        .order_by("pk")
        .values_list("pk", "home_id", "applicant__full_name")
    )
    targets = {Award: awards, Application: applications}
    types = {model: ContentType.objects.get_for_model(model) for model in targets}
    weights = [weight for _action, _model, weight in ACTIONS]

    def rows():
        for _n in range(seeder.sizes["audit"]):
            action, model, _weight = rng.choices(ACTIONS, weights)[0]
            pk, organisation_id, name = rng.choice(targets[model])
            yield AuditEntry(
                actor_id=rng.choice(staff),
                action=action,
                target_type=types[model],
                target_id=str(pk),
                target_repr=name,
                organisation_id=organisation_id,
                data=SEEDED,
                created_at=seeder.now - datetime.timedelta(minutes=rng.randint(0, 3 * 525600)),
            )

    bulk(AuditEntry, rows(), batch=10000)
