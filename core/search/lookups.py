"""The two lookups search needs, written for PostgreSQL (served by its indexes) and for
SQLite (the same rows, found by scanning):

- ``terms__matches=(groups, prefix)``: a row whose terms hold, for every group, one of its
  terms, and for the last group also a term starting with ``prefix`` where one is given;
- ``word__similar=text``: a word with a trigram similarity to ``text`` of at least 0.3
  (pg_trgm's own measure and threshold; on SQLite the same measure in Python)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.db.models import Lookup

from core.models import TermsField, WordField

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler

#: pg_trgm's default ``similarity_threshold``.
SIMILARITY_THRESHOLD = 0.3

#: The full-text index's expression (see the migration); a match uses the same one.
TSVECTOR = "array_to_tsvector(string_to_array({}, ' '))"

_TRIGRAM_WORD = re.compile(r"[^\W_]+")


@TermsField.register_lookup
class Matches(Lookup):
    lookup_name = "matches"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        return ("%s", [value])

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        params = list(lhs_params)
        groups, prefix = self.rhs
        if connection.vendor == "postgresql":
            return f"{TSVECTOR.format(lhs)} @@ %s::tsquery", [*params, tsquery(groups, prefix)]
        padded = f"(' ' || {lhs} || ' ')"
        clauses = []
        for number, group in enumerate(groups):
            patterns = [f"% {term} %" for term in sorted(group)]
            if prefix and number == len(groups) - 1:
                patterns.append(f"% {prefix}%")
            clauses.append("(" + " OR ".join(f"{padded} LIKE %s" for _ in patterns) + ")")
            params = [*params, *patterns]
        return " AND ".join(clauses) or "1 = 0", params


def tsquery(groups: tuple[frozenset[str], ...], prefix: str) -> str:
    """The query as a ``tsquery`` literal. Terms are letters and digits only (see
    ``analysis.words``), so quoting them is enough."""
    parts = []
    for number, group in enumerate(groups):
        alternatives = [f"'{term}'" for term in sorted(group)]
        if prefix and number == len(groups) - 1:
            alternatives.append(f"'{prefix}':*")
        parts.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


@WordField.register_lookup
class Similar(Lookup):
    lookup_name = "similar"

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} %% {rhs}", [*lhs_params, *rhs_params]
        sql = f"similarity({lhs}, {rhs}) >= {SIMILARITY_THRESHOLD}"
        return sql, [*lhs_params, *rhs_params]


def _trigrams(text: str) -> set[str]:
    grams: set[str] = set()
    for word in _TRIGRAM_WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def similarity(left: str | None, right: str | None) -> float:
    """pg_trgm's ``similarity``: the share of trigrams the two texts have in common."""
    a, b = _trigrams(left or ""), _trigrams(right or "")
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def install_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Give an SQLite connection the ``similarity`` function PostgreSQL has from pg_trgm."""
    if connection.vendor == "sqlite" and connection.connection is not None:
        connection.connection.create_function("similarity", 2, similarity, deterministic=True)
