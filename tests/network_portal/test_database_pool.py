"""DATABASE_POOL=N: each process keeps a pool of connections (psycopg's), shared by its
threads, instead of one persistent connection per thread."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import threading
import django
django.setup()
from django.db import connection, connections

def query(results):
    with connections['default'].cursor() as cursor:
        cursor.execute('SELECT pg_backend_pid()')
        results.append(cursor.fetchone()[0])
    connections.close_all()  # hands the connection back to the pool

results = []
threads = [threading.Thread(target=query, args=(results,)) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(type(connection.pool).__name__, connection.settings_dict['CONN_MAX_AGE'],
      len(results), len(set(results)))
"""


def test_a_pool_serves_more_threads_than_it_has_connections():
    # The test database, which this test's own connection reaches.
    url = urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"])
    answer = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "network_portal.settings",
            "DATABASE_URL": urlunsplit(url),
            "DATABASE_POOL": "2",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert answer.returncode == 0, answer.stderr[-2000:]
    pool, max_age, queries, backends = answer.stdout.split()
    assert (pool, max_age, queries) == ("ConnectionPool", "0", "8"), answer.stderr[-1500:]
    assert 1 <= int(backends) <= 2  # eight threads, at most two connections


def test_without_it_the_connection_is_kept_open_between_requests():
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert "pool" not in connection.settings_dict["OPTIONS"]
