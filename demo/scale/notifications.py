"""Stage 10: the notices the portal sent these people, read and unread."""

import datetime

from notifications.models import Notification
from worklife_passport.models import Badge

from .base import TAG, Seeding, bulk, tagged_people


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("notifications")
    people = list(tagged_people("").order_by("pk").values_list("pk", "language"))
    badges = list(
        Badge.objects.filter(issuer__slug__startswith=TAG).values_list("name", "issuer__name")
    )
    C, St = Notification.Channel, Notification.State

    def rows():
        for n in range(seeder.sizes["notifications"]):
            user_id, language = people[n % len(people)]
            badge, issuer = rng.choice(badges)
            created = seeder.now - datetime.timedelta(minutes=rng.randint(0, 2 * 525600))
            channel = C.IN_APP if rng.random() < 0.7 else C.EMAIL
            yield Notification(
                recipient_id=user_id,
                kind="passport.awarded",
                context={
                    "badge": badge,
                    "issuer": issuer,
                    "link": {"name": "passport:passport", "kwargs": {}},
                },
                language=language,
                channel=channel,
                state=St.SENT,
                attempts=0 if channel == C.IN_APP else 1,
                idempotency_key=f"{TAG}{seeder.seed}:{n}",
                created_at=created,
                next_attempt_at=created,
                sent_at=created,
                read_at=created + datetime.timedelta(hours=5)
                if channel == C.IN_APP and rng.random() < 0.8
                else None,
            )

    bulk(Notification, rows(), batch=10000)
