"""Benchmark: a badge awarded to a file of 5,000 and of 50,000 people at network scale.

Run by `make bench` after `seed_scale`. For each size it previews the file (what the
upload does: read it, check each address, find who already holds the badge) and runs it
(what the worker does: the awards, their audit entries and their notices), inside a
database transaction that is rolled back, so the data set is left as it was (the notices'
e-mails, handed to the workers when a run commits, are not sent). A file holds every
student of the data set's first schools with an account (some already hold the badge)
and new addresses. Writes var/bench/bulk.json; the budgets: a preview of 5,000 rows in
3 s with the same queries as a small file, a run of 5,000 in 30 s.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from demo import scale  # noqa: E402
from partners.models import Membership  # noqa: E402
from tests.bench import results  # noqa: E402
from worklife_passport.models import Award, Badge, BulkAward  # noqa: E402
from worklife_passport.services import awards as award_services  # noqa: E402

SIZES = (100, 5_000, 50_000)
BUDGET = {"preview_seconds": 3.0, "run_seconds": 30.0, "at": 5_000}


class Rollback(Exception):
    pass


def file_of(size: int, badge: Badge) -> bytes:
    students = list(
        User.objects.filter(
            email__endswith="@" + scale.DOMAIN, memberships__role=Membership.Role.STUDENT
        )
        .order_by("pk")
        .values_list("email", "full_name")[: size // 2]
    )
    lines = [f"{email},{name}" for email, name in students]
    lines += [f"new-{n}@bulk.invalid,New Person {n}" for n in range(size - len(lines))]
    return ("\n".join(lines) + "\n").encode()


def measure(size: int, badge: Badge, actor: User) -> dict:
    data = file_of(size, badge)
    connection.force_debug_cursor = True
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        batch = award_services.bulk_preview(actor=actor, badge=badge, data=data)
        preview_seconds = time.perf_counter() - started
    BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.RUNNING)
    awards_before = Award.objects.filter(badge=badge).count()
    with CaptureQueriesContext(connection) as run_queries:
        started = time.perf_counter()
        award_services.bulk_run(batch_id=batch.pk)
        run_seconds = time.perf_counter() - started
    awarded = Award.objects.filter(badge=badge).count() - awards_before
    return {
        "rows": size,
        "already_held": size - batch.valid_count,
        "preview_seconds": round(preview_seconds, 2),
        "preview_queries": len(queries),
        "run_seconds": round(run_seconds, 2),
        "run_queries": len(run_queries),
        "awarded": awarded,
        "awards_per_second": round(awarded / run_seconds) if run_seconds else None,
    }


def main() -> int:
    badge = Badge.objects.filter(issuer__slug__startswith=scale.TAG, is_current=True).first()
    if badge is None:
        print("No scale data: run `manage.py seed_scale` first.", file=sys.stderr)
        return 2
    actor = User.objects.filter(
        memberships__organisation=badge.issuer, memberships__role=Membership.Role.COORDINATOR
    ).first()
    if actor is None:
        print(f"No coordinator of {badge.issuer}: run `manage.py seed_scale`.", file=sys.stderr)
        return 2
    measured = []
    for size in (10, *SIZES):  # the first, to read once what a process reads once
        try:
            with transaction.atomic():
                measured.append(measure(size, badge, actor))
                print(json.dumps(measured[-1]))
                raise Rollback
        except Rollback:
            pass
    measured = measured[1:]
    small, at_budget = measured[0], next(m for m in measured if m["rows"] == BUDGET["at"])
    missed = []
    if at_budget["preview_seconds"] > BUDGET["preview_seconds"]:
        missed.append(f"preview of {BUDGET['at']}: {at_budget['preview_seconds']} s")
    if at_budget["run_seconds"] > BUDGET["run_seconds"]:
        missed.append(f"run of {BUDGET['at']}: {at_budget['run_seconds']} s")
    if at_budget["preview_queries"] != small["preview_queries"]:
        missed.append(
            f"preview queries: {small['preview_queries']} for {small['rows']} rows, "
            f"{at_budget['preview_queries']} for {at_budget['rows']}"
        )
    result = {
        "benchmark": "bulk award",
        "badge": badge.name,
        "sizes": measured,
        "budget": BUDGET,
        "missed": missed,
        "machine": results.machine(),
    }
    results.save("bulk", result)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
