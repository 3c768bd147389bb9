"""Parts of public pages that many people read alike, kept rendered in the cache.

A list that every visitor sees the same way (the directory, the open offers, the badge
catalogue, the home page's panels) is rendered once per language, filter and page with
``{% fragment %}`` (``network_portal/templatetags/fragments.py``) and kept until the data
under it changes. What "the data under it" is, is not listed by hand: while a fragment is
rendered, the tables its SQL reads are recorded, and the fragment is kept together with
the version of each of those tables. Every statement that writes a table, whoever runs it
(a service, the admin, ``.update()``, ``bulk_create``, a raw cursor, a shell), moves that
table's version on, which retires every fragment that read it. Fragments also expire
after ``FRAGMENT_SECONDS`` whatever happens.

What is personal or part of a workflow (a passport, a mentoring pair's page, the
coordinators' and assessors' queues) is not kept as HTML at all: it shows forms, states
and names that must be right the moment they change, for one reader.

For this to hold, a fragment must read everything it shows inside itself: the view passes
its querysets lazily, and whatever the view has already read goes into the fragment's
key (``context(request, more=...)``).
"""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.db.backends.signals import connection_created
from django.utils import timezone
from django.utils.translation import get_language

from .cache import shared

T = TypeVar("T")

_VERSION = "fragments:table:"
_ENTRY = "fragments:entry:"

# Django quotes its identifiers ("table" on PostgreSQL and SQLite, `table` on MySQL); raw
# SQL may not.
_NAME = r"[\"`]?(\w+)[\"`]?"
_READ = re.compile(r"\b(?:FROM|JOIN)\s+" + _NAME, re.IGNORECASE)
_WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE"
    r"(?:\s+TABLE)?)\s+" + _NAME,
    re.IGNORECASE,
)

#: Written on most requests and read by no fragment: not worth a version each.
UNTRACKED = frozenset({"django_session", "django_migrations", "portal_cache"})


def tables_read(sql: str) -> set[str]:
    return set(_READ.findall(sql))


def table_written(sql: str) -> str | None:
    found = _WRITE.match(sql)
    return found.group(1) if found else None


# --- Writes move versions on ----------------------------------------------------------


def bump(tables: Iterable[str]) -> None:
    """Move the versions of ``tables`` on: every fragment that read one of them is
    retired."""
    tables = set(tables) - UNTRACKED
    if tables:
        stamp = uuid.uuid4().hex
        shared.set_many({_VERSION + table: stamp for table in tables}, timeout=None)


class _WriteWatcher:
    """On every database connection: notes each table a statement writes.

    The version moves at once, so that the writer's own next page is fresh, and again
    when the transaction commits, as another reader may have rendered the old data in
    between (and kept it under the version of the first move)."""

    def __init__(self, connection):
        self.connection = connection
        self.pending: set[str] = set()

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        table = table_written(sql)
        if table and table not in UNTRACKED:
            if self.connection.in_atomic_block:
                bump([table])
            # One move per commit, however many statements wrote: the first callback
            # takes them all. A table written in a savepoint that was rolled back is
            # still moved on, which costs one more rendering and nothing else.
            self.pending.add(table)
            transaction.on_commit(self._flush, using=self.connection.alias)
        return result

    def _flush(self):
        tables, self.pending = self.pending, set()
        bump(tables)


def watch_writes(connection, **kwargs) -> None:
    if not any(isinstance(w, _WriteWatcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_WriteWatcher(connection))


def install() -> None:
    """Watch the writes of every database connection, those open already and those to
    come."""
    from django.db import connections

    connection_created.connect(watch_writes, dispatch_uid="fragments-watch-writes")
    for connection in connections.all(initialized_only=True):
        watch_writes(connection)


# --- Reads record what a fragment depends on ------------------------------------------


class _ReadRecorder:
    def __init__(self):
        self.tables: set[str] = set()

    def __call__(self, execute, sql, params, many, context):
        self.tables |= tables_read(sql)
        return execute(sql, params, many, context)


def _versions(tables: Iterable[str]) -> dict[str, str]:
    """The current versions of ``tables``, in one cache read. A table that has none yet
    is given one, so that a version that was evicted can never come back equal to an
    old one."""
    tables = sorted(set(tables) - UNTRACKED)
    if not tables:
        return {}
    found = shared.get_many([_VERSION + table for table in tables])
    versions = {table: found.get(_VERSION + table) for table in tables}
    missing = [table for table, value in versions.items() if value is None]
    for table in missing:
        stamp = uuid.uuid4().hex
        if shared.add(_VERSION + table, stamp, timeout=None):
            versions[table] = stamp
    if any(versions[table] is None for table in missing):
        # Another process gave it a version just now, or the cache is down.
        again = shared.get_many([_VERSION + table for table in missing])
        versions.update({table: again.get(_VERSION + table) for table in missing})
    return versions


#: Which tables each fragment read when it was last rendered in this process: read the
#: versions before rendering, so that a write committed while the fragment is rendered
#: retires what was rendered from the data before it.
_learnt: dict[str, set[str]] = {}

#: The recorders of the fragments being rendered in this thread, outermost first.
_rendering = threading.local()


def kept(name: str, vary_on: Iterable, produce: Callable[[], T], seconds: int | None = None) -> T:
    """``produce()`` for ``name`` and ``vary_on``: kept until a table it read is written,
    or ``seconds`` (``FRAGMENT_SECONDS``) pass. A kept value used while another is
    produced (the country choices in a list's filters) makes the outer one depend on the
    same tables."""
    seconds = settings.FRAGMENT_SECONDS if seconds is None else seconds
    if not seconds:
        return produce()
    from django.db import connection

    raw = repr((name, get_language(), timezone.localdate().isoformat(), list(vary_on)))
    key = _ENTRY + hashlib.sha256(raw.encode()).hexdigest()
    entry = shared.get(key)
    outer = getattr(_rendering, "stack", [])
    if entry is not None:
        kept_versions, value = entry
        current = _versions(kept_versions)
        if current == kept_versions and None not in current.values():
            for recorder in outer:
                recorder.tables |= set(kept_versions)
            return value
    before = _versions(_learnt.get(name, set()) | set(entry[0] if entry else ()))
    recorder = _ReadRecorder()
    _rendering.stack = [*outer, recorder]
    try:
        with connection.execute_wrapper(recorder):
            value = produce()
    finally:
        _rendering.stack = outer
    read = recorder.tables - UNTRACKED
    _learnt[name] = read
    versions = {table: before[table] for table in read if table in before}
    versions.update(_versions(read - versions.keys()))
    if None not in versions.values():
        shared.set(key, (versions, value), seconds)
    return value


def render(name: str, vary_on: Iterable, produce: Callable[[], str]) -> str:
    """The fragment ``name`` of a page (``{% fragment %}``)."""
    return kept(name, vary_on, produce)


def request_key(request, *more) -> str:
    """What a list fragment varies by: everything asked in the query string (filters,
    page) and ``more``."""
    asked = sorted((name, request.GET.getlist(name)) for name in request.GET)
    raw = repr((asked, more))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def context(request, *, more=()) -> dict:
    """What a template needs to keep fragments for this request."""
    return {"fragment_key": request_key(request, *more)}
