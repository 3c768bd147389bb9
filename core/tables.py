"""Which tables a piece of SQL reads, and a version per table that every write moves on.

Every database connection runs its statements through ``watch`` (installed when the
connection is made). A statement that writes (``INSERT``, ``UPDATE``, ``DELETE``,
``TRUNCATE``: a service's save, the admin, ``.update()``, ``bulk_create``, a raw cursor)
gives the table it wrote a new version in the cache: at once, for the writer's next page,
and again when the transaction commits, as another reader may have rendered the old rows
in between. While a fragment is being rendered (``reading``), the tables its ``SELECT``
statements name are collected. ``core.fragments`` keeps a fragment with the versions of
the tables it read, so a write to any of them retires it.
"""

from __future__ import annotations

import re
import secrets
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import transaction

from .cache import cache

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from django.db.backends.base.base import BaseDatabaseWrapper

PREFIX = "fragments:table:"

_WRITE = re.compile(
    r"^(?:\s+|/\*.*?\*/|--[^\n]*\n)*"
    r"(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s",
    re.IGNORECASE | re.DOTALL,
)
_NAME = re.compile(r'"([^"]+)"|\b([A-Za-z_][\w$]*)\b')
_READ = re.compile(r'\b(?:FROM|JOIN)\s+(?:"([^"]+)"|([A-Za-z_][\w$]*))', re.IGNORECASE)

_local = threading.local()


def _model_tables() -> frozenset[str]:
    """The tables of the portal's models (many-to-many tables too): the only names worth
    a version. SQL names other things after FROM (``EXTRACT(YEAR FROM ...)``)."""
    found = getattr(_model_tables, "found", None)
    if found is None:
        found = frozenset(
            model._meta.db_table for model in apps.get_models(include_auto_created=True)
        )
        _model_tables.found = found  # type: ignore[attr-defined]
    return found


def written(sql: str) -> list[str]:
    """The tables a write statement writes; none for a read."""
    match = _WRITE.match(sql)
    if match is None:
        return []
    rest = sql[match.end() :]
    if match.group(0).rstrip().upper().endswith("TRUNCATE"):
        # TRUNCATE [TABLE] [ONLY] a, b, ... [RESTART IDENTITY] [CASCADE]
        names = [quoted or bare for quoted, bare in _NAME.findall(rest.split(";")[0])]
    else:
        first = _NAME.search(rest.lstrip().removeprefix("ONLY ").lstrip())
        names = [first.group(1) or first.group(2)] if first else []
    tables = _model_tables()
    return [name for name in names if name in tables]


def read(sql: str) -> set[str]:
    """The tables a statement names after FROM or JOIN (its subqueries' too)."""
    tables = _model_tables()
    return {quoted or bare for quoted, bare in _READ.findall(sql)} & tables


def versions(names: Iterable[str]) -> list[str]:
    return [PREFIX + name for name in names]


def _stamp() -> int:
    return secrets.randbits(48)


def bump(tables: Iterable[str]) -> dict[str, int]:
    """Give ``tables`` new versions, and return them. They never expire: a fragment kept
    under a version that is gone is not served (``core.fragments``)."""
    stamps = {table: _stamp() for table in tables}
    if stamps:
        cache.set_many({PREFIX + table: stamp for table, stamp in stamps.items()}, timeout=None)
    return stamps


def _pending(connection: BaseDatabaseWrapper) -> set[str]:
    found = getattr(connection, "_tables_written", None)
    if found is None:
        found = connection._tables_written = set()  # type: ignore[attr-defined]
    return found


def _note_write(connection: BaseDatabaseWrapper, tables: list[str]) -> None:
    bump(tables)
    if not connection.in_atomic_block:
        return  # in autocommit the statement is committed already
    pending = _pending(connection)
    pending.update(tables)

    def on_commit() -> None:
        if pending:
            done = list(pending)
            pending.clear()
            bump(done)

    # One callback per statement, each flushing everything still pending: a savepoint
    # that is rolled back drops its callbacks, not the ones of the statements around it.
    transaction.on_commit(on_commit, using=connection.alias)


@contextmanager
def reading(*, keeping: bool = True) -> Iterator[set[str]]:
    """Collect the tables the SQL run inside reads. Nested collections each get the
    tables of what runs inside them. ``keeping``: for a fragment that will be kept."""
    found: set[str] = set()
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    stack.append(found)
    _local.keeping = getattr(_local, "keeping", 0) + keeping
    try:
        yield found
    finally:
        stack.pop()
        _local.keeping -= keeping


def collecting() -> bool:
    """Whether a fragment that will be kept is being rendered now."""
    return bool(getattr(_local, "keeping", 0))


def also_read(tables: Iterable[str]) -> None:
    """Count ``tables`` as read by the collections open now: what a fragment served from
    the cache read when it was rendered, for a fragment around it."""
    for found in getattr(_local, "stack", ()):
        found.update(tables)


def watch(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    """The execute wrapper of every connection (``install``)."""
    stack = getattr(_local, "stack", None)
    if stack:
        names = read(sql)
        for found in stack:
            found.update(names)
    result = execute(sql, params, many, context)
    tables = written(sql)
    if tables:
        _note_write(context["connection"], tables)
    return result


def install(connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created``: watch the connection's statements, once per connection
    object (the same object reconnects)."""
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch)
