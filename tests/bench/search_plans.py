"""PostgreSQL's plans for the text searches the benchmark measures, at scale.

Requests each search page of ``pages.search_pages`` as its person, with nothing kept
rendered, and prints ``EXPLAIN ANALYZE`` of every query the page runs on the search
index (``core_searchentry``). Run after ``seed_scale``::

    DATABASE_URL=postgres://... .venv/bin/python tests/bench/search_plans.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from demo import scale  # noqa: E402
from tests.bench import pages as key_pages  # noqa: E402


def plans(page, person) -> list[tuple[str, str]]:
    client = Client(HTTP_HOST="127.0.0.1", headers={"X-Forwarded-Proto": "https"})
    client.force_login(person)
    with override_settings(FRAGMENT_SECONDS=0), transaction.atomic():
        client.get(page.path)  # the session warm, as nearly every request finds it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        assert response.status_code == 200, response.status_code
        found = []
        for query in queries.captured_queries:
            sql = query["sql"]
            if "core_searchentry" not in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) " + sql)
                found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
        transaction.set_rollback(True)
    return found


def main() -> int:
    if connection.vendor != "postgresql":
        print("Plans are PostgreSQL's: set DATABASE_URL=postgres://...", file=sys.stderr)
        return 2
    cast = key_pages.cast(scale.DOMAIN)
    scanned = []
    for page in (page for page in cast.pages if page.vary):
        print(f"## {page.name}: {page.path}\n")
        for sql, plan in plans(page, cast.people[page.who]):
            print(sql, "\n")
            print(plan, "\n")
            scanned += [line for line in plan.splitlines() if "Seq Scan on core_search" in line]
    for line in scanned:
        print(f"SEQUENTIAL SCAN {line.strip()}")
    return 1 if scanned else 0


if __name__ == "__main__":
    sys.exit(main())
