"""Parts of pages kept rendered in the cache, retired by any write to what they read.

A list that every student sees the same way (the directory, the open offers, the badge
catalogue), a queue that the coordinators of the same schools share, and a reader's own
passport or pair page are rendered once and kept until the data under them changes.
What "the data under them" is, nobody lists: while a fragment is rendered, the tables its
SQL reads are collected (``core.tables``), and it is kept with the version each of those
tables had before it was rendered. Every write to a table, by a service, the admin,
``.update()``, ``bulk_create`` or raw SQL, moves that table's version on; a fragment whose
versions are no longer all current is rendered again. Fragments also expire after
``FRAGMENT_SECONDS``.

Templates keep a fragment with the ``{% fragment %}`` tag (``core/templatetags``)::

    {% load fragments %}
    {% fragment fragment_seconds "exchanges:offers" fragment_key %}...{% endfragment %}

and the view passes the querysets lazily, so a fragment found in the cache costs no
query. Reading one costs one cache round trip: each process remembers which tables each
fragment read when it rendered it, and asks for the fragment and those tables' versions
at once.

The rows of a list are kept one by one as well (``{% kept_rows %}``,
:func:`render_rows`): a page of rows rendered before, for any page, search or filter, is
drawn from them in one round trip, and only the rows not kept are read, in one query.

Only the SQL run inside the fragment counts, so whatever a fragment shows must be read
inside it (lazily), or be part of its key; and a fragment must not read a table that is
written on every request (sessions), or it is never found fresh.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from . import tables
from .cache import cache

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from django.db.models import Model

_PREFIX = "fragments:html:"

T = TypeVar("T")

#: Each fragment's name and the tables it has been seen to read in this process: the
#: versions asked for with it. Grows as renders read more (another branch of a template).
known: dict[str, frozenset[str]] = {}


def _digest(asked: list, more) -> str:
    raw = repr((get_language(), timezone.localdate().isoformat(), asked, more))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def request_key(request, *more) -> str:
    """What a fragment varies by: the language, today's date (lists hide what closed
    yesterday), everything asked in the query string (filters, page) and ``more``."""
    return _digest(sorted((name, request.GET.getlist(name)) for name in request.GET), more)


def filters_key(request, form, *, more=()) -> str:
    """What a list's filter form varies by, its text query aside: the form without its
    ``q`` field is kept for every query with the same filters (a new search draws only
    the query's own field)."""
    asked = sorted((name, request.GET.getlist(name)) for name in form.fields if name != "q")
    return _digest(asked, more)


def context(request, *, more=(), personal: bool = False, form=None) -> dict:
    """What a template needs to keep fragments for this request; with the list's filter
    ``form``, also ``filters_key`` (see :func:`filters_key`) and ``list_seconds``, how long
    the list as a whole is kept: not at all for a text query.

    A ``personal`` fragment is the reader's own and may hold their forms: it is kept
    for this reader and their CSRF secret (the cookie), as the tokens in it are valid for
    that secret only; before the reader has one it is not kept at all.
    """
    seconds = settings.FRAGMENT_SECONDS
    if personal:
        secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        more = (*more, request.user.pk, secret)
        if not secret:
            seconds = 0
    kept = {"fragment_seconds": seconds, "fragment_key": request_key(request, *more)}
    if form is not None:
        kept["filters_key"] = filters_key(request, form, more=more)
        # Few ask the same words twice: a list found by a text query is not kept whole,
        # only its rows are, one by one ({% kept_rows %}).
        asked = "q" in form.fields and request.GET.get("q", "").strip()
        kept["list_seconds"] = 0 if asked else seconds
    return kept


def cached(key: str, compute: Callable[[], object], seconds: int):
    """``compute()``, kept under ``key`` for ``seconds``; while a fragment is rendered it
    is computed afresh instead, so that the fragment learns the tables under it."""
    if tables.collecting():
        return compute()
    return cache.get_or_set(key, compute, seconds)


def _key(name: str, vary: Iterable[object]) -> str:
    digest = hashlib.sha256(repr([str(part) for part in vary]).encode()).hexdigest()[:32]
    return f"{_PREFIX}{name}:{digest}"


def draw(name: str, render: Callable[[], T], *, keeping: bool = True) -> tuple[T, frozenset[str]]:
    """``render`` the fragment ``name``, learning the tables it reads."""
    with tables.reading(keeping=keeping) as read:
        html = render()
    read_now = frozenset(read)
    known[name] = known.get(name, frozenset()) | read_now
    return html, read_now


def _look_up(name: str, keys: list[str]) -> tuple[dict[str, Any], dict[str, int | None]]:
    """The fragments of ``name`` kept under ``keys`` whose tables are all unchanged since
    they were rendered, and the current versions of the tables ``name`` reads."""
    reads = known.get(name, frozenset())
    found = cache.get_many([*keys, *tables.versions(reads)])
    current = {table: found.get(tables.PREFIX + table) for table in reads}
    fresh = {}
    for key in keys:
        entry = found.get(key)
        if entry is None:
            continue
        kept_versions, html = entry
        if all(current.get(table, False) == stamp for table, stamp in kept_versions.items()):
            tables.also_read(kept_versions)
            fresh[key] = html
        elif not kept_versions.keys() <= reads:  # another process saw it read more
            known[name] = known.get(name, frozenset()) | kept_versions.keys()
    missing = [table for table, stamp in current.items() if stamp is None]
    if missing and len(fresh) < len(keys):
        # Versions are set before the rows are read: a fragment is never kept under
        # "no version yet", which a version dropped from the cache would read as again.
        current.update(tables.bump(missing))
    return fresh, current


def _keep(drawn: dict[str, Any], read: frozenset[str], current: dict, seconds: int) -> None:
    """Keep the fragments ``drawn`` (by key), which read ``read``."""
    if drawn and all(current.get(table) is not None for table in read):
        # Kept only when every table it read had a version before it was rendered: a
        # table first seen now could have been written while it rendered.
        versions = {table: current[table] for table in read}
        seconds = min(seconds, settings.FRAGMENT_SECONDS)
        cache.set_many({key: (versions, html) for key, html in drawn.items()}, seconds)


def render(name: str, seconds: int, vary: Iterable[object], render: Callable[[], T]) -> T:
    """The fragment ``name`` for ``vary``: kept, if every table it read is unchanged since
    it was rendered; otherwise rendered by ``render`` and kept for ``seconds``. A fragment
    is usually HTML; any value the cache can hold is kept the same way (a verification
    key and the DID it belongs to)."""
    if not seconds:
        return draw(name, render, keeping=False)[0]
    key = _key(name, vary)
    fresh, current = _look_up(name, [key])
    if key in fresh:
        return fresh[key]
    reads = known.get(name, frozenset())
    html, read = draw(name, render)
    if read <= reads:
        _keep({key: html}, read, current, seconds)
    return html


def render_rows(
    name: str,
    seconds: int,
    pks: Sequence[object],
    load: Callable[[list], Iterable[Model]],
    render: Callable[[Model], str],
) -> dict[object, str]:
    """The fragment ``name`` of each row ``pks`` names, by its pk in that order, in the reader's
    language: kept, as :func:`render` keeps one; the rows not kept are read together by
    ``load(their pks)`` and rendered one by one by ``render(row)``. A row ``load`` does
    not return is left out."""
    if not pks:
        return {}
    keys = {pk: _key(name, [get_language(), pk]) for pk in pks}
    if seconds:
        fresh, current = _look_up(name, list(keys.values()))
    else:
        fresh, current = {}, {}
    html = {pk: fresh[key] for pk, key in keys.items() if key in fresh}
    missing = [pk for pk in pks if pk not in html]
    if missing:
        reads = known.get(name, frozenset())
        with tables.reading(keeping=bool(seconds)) as read:
            rows = {row.pk: row for row in load(missing)}
            drawn = {pk: render(rows[pk]) for pk in missing if pk in rows}
        read_now = frozenset(read)
        known[name] = reads | read_now
        if seconds and read_now <= reads:
            _keep({keys[pk]: row for pk, row in drawn.items()}, read_now, current, seconds)
        html.update(drawn)
    return {pk: html[pk] for pk in pks if pk in html}
