"""Benchmark: a mentoring matching round of 2,000 mentees and 500 mentors (capacity up to 3).

Run by `make bench`. Builds the programme in a throw-away database transaction, times
the round (the service the coordinator's button calls), and writes the figures to
var/bench/matching.json. The budget is 10 seconds on the project's 2-core machine.
"""

import json
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from mentoring.models import Enrolment, Programme  # noqa: E402
from mentoring.services import round_preview  # noqa: E402

MENTEES, MENTORS, BUDGET_SECONDS = 2000, 500, 10.0


class Rollback(Exception):
    pass


def main() -> int:
    rng = random.Random(2026)
    skills = [f"skill-{n}" for n in range(80)]
    languages = ["fi", "sv", "en", "et", "lt", "ru"]
    regions = ["Uusimaa", "Kymenlaakso", "Tartumaa", "Harjumaa", "Kauno apskritis", ""]
    result = {}
    try:
        with transaction.atomic():
            today = timezone.localdate()
            programme = Programme.objects.create(
                name_en="Benchmark",
                kind="one_to_one",
                starts_on=today,
                ends_on=today,
                enrol_from=today,
                enrol_until=today,
                max_capacity=3,
                prefer_diversity=True,
            )
            users = User.objects.bulk_create(
                User(email=f"bench-{n}@bench.invalid", full_name=f"Bench {n}")
                for n in range(MENTEES + MENTORS)
            )
            admin = User.objects.create(
                email="bench-admin@bench.invalid",
                full_name="Admin",
                is_staff=True,
                is_superuser=True,
            )
            Enrolment.objects.bulk_create(
                Enrolment(
                    programme=programme,
                    user=user,
                    as_mentor=n < MENTORS,
                    as_mentee=n >= MENTORS,
                    skills_offered=rng.sample(skills, 6) if n < MENTORS else [],
                    skills_wanted=rng.sample(skills, 3) if n >= MENTORS else [],
                    languages=rng.sample(languages, 2),
                    region=rng.choice(regions),
                    remote_ok=rng.random() < 0.6,
                    months=rng.sample(range(1, 13), 6),
                    capacity=rng.randint(1, 3) if n < MENTORS else 0,
                )
                for n, user in enumerate(users)
            )
            started = time.perf_counter()
            matching_round = round_preview(actor=admin, programme=programme)
            seconds = time.perf_counter() - started
            result = {
                "benchmark": "mentoring matching round",
                "mentees": MENTEES,
                "mentors": MENTORS,
                "max_capacity": 3,
                "pairs": len(matching_round.proposals),
                "total_score": matching_round.total_score,
                "seconds": round(seconds, 3),
                "budget_seconds": BUDGET_SECONDS,
                "within_budget": seconds < BUDGET_SECONDS,
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "database": django.db.connection.vendor,
                },
            }
            raise Rollback
    except Rollback:
        pass
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "matching.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
