"""Benchmark: the yearly network report, as the dashboard and the XLSX export build it.

Run by `make bench` against the data in the database (the scale data set once it is
loaded; the row counts it ran over are part of the result). Times the indicators for the
last twelve months over the whole network, then the same plus writing the XLSX file, and
writes the figures to var/bench/report.json. The budget is 10 seconds.
"""

import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone, translation  # noqa: E402

from accounts.models import User  # noqa: E402
from events.models import Registration  # noqa: E402
from exchanges.models import Application  # noqa: E402
from mentoring.models import Pair  # noqa: E402
from partners.models import Organisation  # noqa: E402
from reports import exports, indicators  # noqa: E402
from tests.bench import results  # noqa: E402
from worklife_passport.models import Award  # noqa: E402

BUDGET_SECONDS = 10.0


def main() -> int:
    today = timezone.localdate()
    period = indicators.Period(today - datetime.timedelta(days=364), today)
    scope = indicators.Scope()
    with translation.override("en"):
        started = time.perf_counter()
        sections = indicators.build(period, scope)
        report_seconds = time.perf_counter() - started
        started = time.perf_counter()
        sections = indicators.build(period, scope)
        workbook = exports.to_xlsx(sections, period, scope)
        export_seconds = time.perf_counter() - started
    result = {
        "benchmark": "yearly network report",
        "period": str(period),
        "rows": {
            "organisations": Organisation.objects.count(),
            "users": User.objects.count(),
            "applications": Application.objects.count(),
            "awards": Award.objects.count(),
            "pairs": Pair.objects.count(),
            "registrations": Registration.objects.count(),
        },
        "report_seconds": round(report_seconds, 3),
        "xlsx_seconds": round(export_seconds, 3),
        "xlsx_bytes": len(workbook),
        "budget_seconds": BUDGET_SECONDS,
        "within_budget": max(report_seconds, export_seconds) < BUDGET_SECONDS,
        "machine": results.machine(),
    }
    results.save("report", result)
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
