"""Benchmark: the key pages of a busy day at the scale of the whole network.

Run by `make bench` after `seed_scale`. gunicorn serves the portal with the production
settings (DEBUG off, the manifest static files, the same middleware) and wrk, in a
process of its own, loads one page at a time with 16 connections: each connection is one
person who asks for the next page as soon as the last one arrived, so the figures are the
most the machine gives, not a comfortable average. The floor view (one query by a unique
index, a small template, the same middleware) is measured in the same run, once for each
person the pages are seen by: each page is compared with the floor seen by the same
person (the same session, user and roles read around it), measured again just before
each page so that a machine whose speed changes during the run moves both alike, and
with the anonymous floor. The public verify page is measured with its rate limit raised
out of the way (one address sends every request); the limit's own check is still done.

Also measured here: the queries each page runs, with the demo people and with the scale
people; the bytes each page transfers (its HTML compressed, with the stylesheets and
scripts it loads as WhiteNoise serves them); and the time from the commit of a change to
the delivery of its e-mail notice, with a Celery worker running. The results go to
var/bench/pages.json; the process exits 1 when a budget is missed.
"""

import gzip
import http.client
import itertools
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PORT = int(os.environ.get("BENCH_PORT", "8765"))
HOST = f"127.0.0.1:{PORT}"
os.environ.update(
    DJANGO_SETTINGS_MODULE="tests.bench.settings",
    DEBUG="false",
    ALLOWED_HOSTS="127.0.0.1,localhost",
    SITE_URL=f"https://{HOST}",
    EMAIL_URL="dummymail://",
    VERIFY_RATE_LIMIT="1000000/m",
)
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from core.models import AuditEntry  # noqa: E402
from demo import scale  # noqa: E402
from exchanges.models import Application, ApplicationEvent  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.services import notify  # noqa: E402
from partners.models import Sector  # noqa: E402
from tests.bench import pages as key_pages  # noqa: E402

CONNECTIONS = 16
THREADS = 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
FLOOR_SECONDS = max(2, SECONDS // 2)
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))  # as the Dockerfile serves
#: BENCH_PAGES="offer list; directory": only the key pages whose names hold one of these.
ONLY = [part.strip() for part in os.environ.get("BENCH_PAGES", "").split(";") if part.strip()]
NOTICES = 100
BUDGET = {
    "share_of_floor": 0.25,
    "p95_ms": 150,
    "queries": 15,
    "kilobytes": 100,
    "notice_p95_s": 5,
}
OUT = ROOT / "var" / "bench"
HEADERS = {"X-Forwarded-Proto": "https", "Origin": f"https://{HOST}"}


def fail(message: str):
    print(message, file=sys.stderr)
    sys.exit(2)


def check_setup():
    if connection.vendor != "postgresql":
        fail("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    if not settings.REDIS_URL:
        fail("The benchmark needs Redis for the worker: set REDIS_URL=redis://...")
    if shutil.which("wrk") is None:
        fail("The benchmark needs wrk: apt-get install wrk")
    counts = scale.Seeder(seed=0, sizes={}).counts()
    if counts["notifications"] < 1000:
        fail("The scale data set is not loaded: run manage.py seed_scale first.")


# Sessions and the pages -------------------------------------------------------------------


def floor_name(who: str) -> str:
    return f"floor view, {who}" if who else "floor view, anonymous"


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def query_counts(cast) -> dict:
    """Each page's queries rendered afresh (every row counted) and as usually served,
    from the fragments kept by the request before."""
    counts = {}
    options: dict[str, Any] = {"HTTP_HOST": "127.0.0.1", "headers": {"X-Forwarded-Proto": "https"}}
    for page in cast.pages:
        status, queries = key_pages.query_count(cast, page, **options)
        _status, kept = key_pages.query_count(cast, page, fresh=False, **options)
        counts[page.name] = {"queries": queries, "queries_kept": kept, "status": status}
    return counts


# Serving and loading ------------------------------------------------------------------------


def start_gunicorn(log):
    try:
        urllib.request.urlopen(f"http://{HOST}/health/", timeout=2)
        fail(f"Something already listens on {HOST}: stop it or set BENCH_PORT.")
    except OSError:
        pass
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "network_portal.wsgi:application",
        "--bind",
        HOST,
        "--workers",
        str(WORKERS),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{HOST}/health/", timeout=5)
            return process
        except OSError:  # not listening yet, or still starting
            time.sleep(0.2)
    process.terminate()
    fail("gunicorn did not start; see var/bench/gunicorn.log")


def start_worker(log):
    command = [
        str(ROOT / ".venv" / "bin" / "celery"),
        "-A",
        "network_portal",
        "worker",
        "--queues=default,notifications,reports",
        "--concurrency=2",
        "--loglevel=" + os.environ.get("BENCH_WORKER_LOG", "WARNING"),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log)
    from network_portal.celery import app

    for _ in range(60):
        if app.control.ping(timeout=0.5):
            return process
    process.terminate()
    fail("The Celery worker did not start; see var/bench/worker.log")


LUA = """
local paths = {%(paths)s}
local method = "%(method)s"
local body = %(body)s
local vary = %(vary)s
local threads = {}
local counter = 1

function page_path(path, index)
  return path .. vary .. index
end

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  unexpected = 0
end

function request()
  local index = offset + (counter - 1) * %(threads)d + 1
  counter = counter + 1
  local path = paths[((index - 1) %% #paths) + 1]
  if vary ~= "" then path = page_path(path, index) end
  return wrk.format(method, path, nil, method == "POST" and body or nil)
end

function response(status, headers, body)
  if status ~= %(status)d then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("unexpected") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%.3f, "p50_ms": %%.2f, "p95_ms": %%.2f, ' ..
    '"p99_ms": %%.2f, "mean_ms": %%.2f, "max_ms": %%.2f, "errors": %%d}\\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
    wrong + e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def load(page, headers, *, seconds=SECONDS, status=200) -> dict:
    """Load one page with 16 connections, each asking again as soon as it has its answer:
    the most the machine gives."""
    paths = page.paths or [page.path]
    # A page that varies: request n asks for page.request_path(f"<run>-<n>").
    vary = page.request_path(f"{secrets.token_hex(4)}-").removeprefix(page.path)
    script = LUA % {
        "paths": ", ".join(json.dumps(p) for p in paths),
        "method": page.method,
        "body": json.dumps(page.body),
        "vary": json.dumps(vary),
        "threads": THREADS,
        "status": status,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    # A slow answer is not an error (its latency is what the people run measures).
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["-s", file.name]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://{HOST}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(file.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    return result


def with_people(page, headers, *, seconds=SECONDS, status=200) -> dict:
    """``page.people`` people (16) on the page at once, each reading for 0.25 to 0.75 s
    before asking for the next one (wrk's own pauses skew its latencies, so this is timed
    here). They arrive within the first 0.75 s, at moments of their own."""
    run = secrets.token_hex(4)
    paths = iter(page.paths or (page.request_path(f"{run}-{n}") for n in itertools.count(1)))
    lock = threading.Lock()
    latencies, errors = [], []
    stop = time.monotonic() + seconds
    body = page.body.encode() if page.method == "POST" else None

    def person(n):
        rng = random.Random(n)
        # People come to the page at their own moments, not all in the same millisecond.
        time.sleep(rng.uniform(0, 0.75))
        conn = http.client.HTTPConnection(HOST, timeout=30)
        while time.monotonic() < stop:
            with lock:
                path = next(paths, None)
            if path is None:
                return
            started = time.perf_counter()
            try:
                conn.request(page.method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection(HOST, timeout=30)
                ok = False
            with lock:
                latencies.append(time.perf_counter() - started)
                if not ok:
                    errors.append(path)
            time.sleep(rng.uniform(0.25, 0.75))
        conn.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(page.people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()

    def ms(share):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * share))] * 1000, 2)

    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": ms(0.50),
        "p95_ms": ms(0.95),
        "p99_ms": ms(0.99),
        "errors": len(errors),
    }


def fetch(path, headers, data: bytes | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(f"http://{HOST}{path}", data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


ASSET = re.compile(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def transferred(page, headers) -> dict:
    """The bytes of a page: its HTML compressed, as the front proxy sends it, and the
    stylesheets and scripts it loads, as WhiteNoise serves them compressed."""
    _status, html, _headers = fetch(page.path, headers, page.body.encode() if page.data else None)
    assets = 0
    for url in sorted(set(ASSET.findall(html))):
        url = url.decode()
        if url.startswith("/"):
            _status, body, _h = fetch(url, {**headers, "Accept-Encoding": "gzip"})
            assets += len(body)
    html_gzip = len(gzip.compress(html, compresslevel=6))
    return {
        "html_bytes": len(html),
        "html_gzip_bytes": html_gzip,
        "assets_gzip_bytes": assets,
        "kilobytes": round((html_gzip + assets) / 1024, 1),
    }


# Approvals -------------------------------------------------------------------------------


def prepare_approvals(cast, count) -> list:
    """Put ``count`` applications of the coordinator's school in the queue for the approve
    run; returns how they were, to put them back afterwards."""
    coordinator = cast.people["coordinator"]
    home = coordinator.memberships.values_list("organisation_id", flat=True)
    keep = (
        Application.objects.filter(home__in=home)
        .exclude(status__in=Application.SEAT_STATES)
        .order_by("pk")[:count]
    )
    saved = list(keep.values("pk", "status", "submitted_at", "approved_at", "status_changed_at"))
    Application.objects.filter(pk__in=[row["pk"] for row in saved]).update(
        status=Application.Status.SUBMITTED, submitted_at=timezone.now()
    )
    return saved


def restore_approvals(saved, since):
    ids = [row["pk"] for row in saved]
    for row in saved:
        pk = row.pop("pk")
        Application.objects.filter(pk=pk).update(**row)
    ApplicationEvent.objects.filter(application__in=ids, created_at__gte=since).delete()
    # The approvals' notices, and the audit entries, go too: the worker that starts later
    # would otherwise spend the notification-latency run sending them.
    for pk in ids:
        Notification.objects.filter(
            idempotency_key__startswith=f"exchanges.application:{pk}:", created_at__gte=since
        ).delete()
    AuditEntry.objects.filter(
        action="exchanges.application.approve", target_id__in=[str(pk) for pk in ids]
    ).filter(created_at__gte=since).delete()


# Notification latency --------------------------------------------------------------------


def drain_queues(timeout=120):
    """Wait until the worker has taken every message queued before the run (tasks the
    pages queued while no worker ran)."""
    from network_portal.celery import app

    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not any(client.llen(queue) for queue in ("default", "notifications", "reports")):
                return
            time.sleep(0.5)


def notification_latency(recipient) -> dict:
    keys = [f"bench-latency:{time.time_ns()}:{n}" for n in range(NOTICES)]
    context = {"badge": "Benchmark", "issuer": "Benchmark", "link": {"name": "passport:passport"}}
    for key in keys:
        with transaction.atomic():
            notify(kind="passport.awarded", key=key, recipient=recipient, context=context)
        time.sleep(0.05)
    emails = [f"{key}:{Notification.Channel.EMAIL}" for key in keys]
    rows = Notification.objects.filter(idempotency_key__in=emails)
    deadline = time.monotonic() + 60
    while rows.filter(sent_at__isnull=True).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    latencies = sorted(
        (sent - created).total_seconds() if sent else 60.0
        for created, sent in rows.values_list("created_at", "sent_at")
    )
    Notification.objects.filter(idempotency_key__startswith="bench-latency:").delete()
    if not latencies:
        return {"notices": 0}
    return {
        "notices": len(latencies),
        "undelivered": sum(1 for value in latencies if value >= 60),
        "p50_s": round(latencies[len(latencies) // 2], 3),
        "p95_s": round(latencies[int(len(latencies) * 0.95) - 1], 3),
        "max_s": round(latencies[-1], 3),
    }


# The run ---------------------------------------------------------------------------------


def main() -> int:
    check_setup()
    OUT.mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", "--no-input", verbosity=0)
    demo, cast = key_pages.cast("demo.test"), key_pages.cast("scale.test")
    if ONLY:
        for each in (demo, cast):
            each.pages = [page for page in each.pages if any(part in page.name for part in ONLY)]
    counts = {"demo": query_counts(demo), "scale": query_counts(cast)}
    cookies = {who: session_cookie(user) for who, user in cast.people.items()}
    csrf = "b" * 32
    floor_sector = Sector.objects.order_by("pk").values_list("slug", flat=True).first()
    floor = key_pages.Page("floor view", "", f"/bench/floor/{floor_sector}/")

    def headers_of(who):
        headers = dict(HEADERS)
        if who:
            headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={cookies[who]}"
            headers["Cookie"] += f"; {settings.CSRF_COOKIE_NAME}={csrf}"
        return headers

    # The floor is measured for each person the pages are measured with: the same
    # middleware then does the same work (their session, who they are, their roles)
    # around one query and a small template.
    visitors = ["", *sorted({page.who for page in cast.pages if page.who})]
    results, floors = {}, {}
    with open(OUT / "gunicorn.log", "w") as log:
        server = start_gunicorn(log)
        try:
            load(floor, HEADERS, seconds=2)  # warm the workers
            for who in visitors:
                floors[who] = load(floor, headers_of(who))
                floors[who]["people"] = with_people(floor, headers_of(who))
                floors[who]["queries"] = 1
                results[floor_name(who)] = floors[who]
            for page in cast.pages:
                started = time.monotonic()
                headers = headers_of(page.who)
                if page.method == "POST":
                    headers["X-CSRFToken"] = csrf
                    if not page.who:
                        headers["Cookie"] = f"{settings.CSRF_COOKIE_NAME}={csrf}"
                if page.data:
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                # The floor again, just before the page: a machine that slows down or
                # speeds up during the run moves both alike.
                beside = load(floor, headers_of(page.who), seconds=FLOOR_SECONDS)
                if page.paths:  # each request used once: the approve button
                    since = timezone.now()
                    saved = prepare_approvals(cast, 1500)
                    paths = [key_pages.approve_path(row["pk"]) for row in saved]
                    half = len(paths) // 2  # each approval is made once
                    try:
                        page.paths = paths[:half]
                        result = load(page, headers, seconds=max(3, SECONDS // 2), status=302)
                        page.paths = paths[half:]
                        result["people"] = with_people(
                            page, headers, seconds=max(3, SECONDS // 2), status=302
                        )
                    finally:
                        restore_approvals(saved, since)
                    result["approved"] = len(saved)
                    result.update(kilobytes=None)
                else:
                    load(page, headers, seconds=1)
                    result = load(page, headers)
                    result["people"] = with_people(page, headers)
                    result.update(transferred(page, headers))
                result["floor_beside_rps"] = beside["rps"]
                result.update(counts["scale"][page.name])
                result["queries_demo"] = counts["demo"][page.name]["queries"]
                result["seconds"] = round(time.monotonic() - started, 1)
                results[page.name] = result
                people = result.get("people", result)
                print(f"  {page.name}: {result['rps']} req/s, p95 {people['p95_ms']} ms")
            for who in visitors:
                again = load(floor, headers_of(who))
                results[floor_name(who) + " (again)"] = again
                floors[who]["rps"] = min(floors[who]["rps"], again["rps"])
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    with open(OUT / "worker.log", "w") as log:
        worker = start_worker(log)
        try:
            drain_queues()
            latency = notification_latency(cast.people["student"])
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)

    missed = []
    for page in cast.pages:
        name, result = page.name, results[page.name]
        budget = {**BUDGET, **page.budget}
        # Beside the floor measured just before it, on the machine as it was then.
        share = result["rps"] / result["floor_beside_rps"]
        result["share_of_floor"] = round(share, 3)
        result["share_of_first_floor"] = round(result["rps"] / floors[page.who]["rps"], 3)
        result["share_of_anonymous_floor"] = round(result["rps"] / floors[""]["rps"], 3)
        if share < budget["share_of_floor"]:
            missed.append(f"{name}: {share:.0%} of the floor view's throughput")
        seen = result.get("people", result)
        if seen["p95_ms"] > budget["p95_ms"]:
            missed.append(f"{name}: p95 {seen['p95_ms']} ms with {page.people} people")
        if result["errors"] or result.get("people", {}).get("errors"):
            missed.append(f"{name}: {result['errors']} errors")
        if result["queries"] > budget["queries"]:
            missed.append(f"{name}: {result['queries']} queries")
        if result["queries"] != result["queries_demo"]:
            missed.append(
                f"{name}: {result['queries_demo']} queries with the demo data, "
                f"{result['queries']} with the scale data"
            )
        if budget["kilobytes"] and (result.get("kilobytes") or 0) > budget["kilobytes"]:
            missed.append(f"{name}: {result['kilobytes']} KB")
    if latency.get("p95_s", 60) > BUDGET["notice_p95_s"]:
        missed.append(f"notification p95 {latency.get('p95_s')} s")

    report = {
        "benchmark": "key pages at scale",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "postgresql": connection.cursor().connection.info.server_version,
        },
        "load": {"connections": CONNECTIONS, "seconds": SECONDS, "gunicorn_workers": WORKERS},
        "rows": scale.Seeder(seed=0, sizes={}).counts(),
        "budget": BUDGET,
        "pages": results,
        "notification_latency": latency,
        "missed": missed,
    }
    (OUT / "pages.json").write_text(json.dumps(report, indent=2, default=str))
    print(
        f"{'page':34} {'req/s':>6} {'%floor':>6} {'%anon':>6} {'p50':>6} {'p95':>6} "
        f"{'p99':>6} {'sat.p95':>7} {'queries':>7} {'KB':>6}"
    )
    for name, r in results.items():
        people = r.get("people", r)
        print(
            f"{name:34} {r['rps']:6} {r.get('share_of_floor', 1):6.0%} "
            f"{r.get('share_of_anonymous_floor', 1):6.0%} {people['p50_ms']:6} "
            f"{people['p95_ms']:6} {people['p99_ms']:6} {r['p95_ms']:7} "
            f"{r.get('queries', ''):>7} {r.get('kilobytes') or '':>6}"
        )
    print(f"notification latency: {latency}")
    for line in missed:
        print(f"MISSED {line}")
    print(f"Results in {OUT / 'pages.json'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
