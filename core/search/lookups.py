"""The two lookups search needs, written for PostgreSQL (served by its indexes) and for
SQLite (the same rows, found by scanning):

- ``terms__matches=(groups, prefixes)``: a row whose terms hold, for every group, one of
  its terms, or for the last group also a term starting with one of ``prefixes``;
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


_TRIGRAM_WORD = re.compile(r"[^\W_]+")


@TermsField.register_lookup
class Matches(Lookup):
    lookup_name = "matches"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        return ("%s", [value])

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        groups, prefixes = self.rhs
        if connection.vendor == "postgresql":
            # The terms as the trigger keeps them, a tsvector in the column beside them.
            table = compiler.quote_name_unless_alias(self.lhs.alias)
            vector = f"{table}.{connection.ops.quote_name(self.lhs.target.vector_column)}"
            return f"{vector} @@ %s::tsquery", [tsquery(groups, prefixes)]
        lhs, lhs_params = self.process_lhs(compiler, connection)
        params = list(lhs_params)
        padded = f"(' ' || {lhs} || ' ')"
        clauses = []
        for number, group in enumerate(groups):
            patterns = [f"% {term} %" for term in sorted(group)]
            if number == len(groups) - 1:
                patterns.extend(f"% {prefix}%" for prefix in prefixes)
            clauses.append("(" + " OR ".join(f"{padded} LIKE %s" for _ in patterns) + ")")
            params = [*params, *patterns]
        return " AND ".join(clauses) or "1 = 0", params


def tsquery(groups: tuple[frozenset[str], ...], prefixes: tuple[str, ...]) -> str:
    """The query as a ``tsquery`` literal. Terms are a language code, a colon and letters
    and digits (see ``analysis.words``), so quoting them is enough."""
    parts = []
    for number, group in enumerate(groups):
        alternatives = [f"'{term}'" for term in sorted(group)]
        if number == len(groups) - 1:
            alternatives.extend(f"'{prefix}':*" for prefix in prefixes)
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
