"""How text becomes search terms, the same way for what is indexed and what is asked, in
the language it is written in: Finnish through Voikko's morphological analysis (base forms
and the parts of compound words), the other languages through their Snowball stemmers.
Terms are lower-cased and stripped of accents, so "Tartu" finds "Tartü" and "sahko"
finds "sähkö".

The analysis runs in Python, so PostgreSQL and SQLite index and match the very same
terms; PostgreSQL only adds the index that finds them fast."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

logger = logging.getLogger(__name__)

#: The languages text is indexed in, and the Snowball stemmer of each.
STEMMERS = {
    "fi": "finnish",
    "sv": "swedish",
    "en": "english",
    "et": "estonian",
    "lt": "lithuanian",
    "ru": "russian",
}
LANGUAGES = tuple(STEMMERS)

#: A word: letters and digits (an underscore or any other sign separates words).
WORD = re.compile(r"[^\W_]+")
#: Words that join others in a query ("welding in Tallinn", "hitsaus ja asennus"): a text
#: need not contain them to match.
_STOPWORDS = {
    "fi": "ja tai sekä on ei se ne että kun jos",
    "sv": "och eller i på av för med till att en ett det som",
    "en": "and or the a an of in on at for to with from by is",
    "et": "ning või ka ei see et kui on",
    "lt": "ir ar bei su iš į už kad tai yra",
    "ru": "и или в во на с со к по для из от о что это",
}
STOPWORDS = frozenset(word for words in _STOPWORDS.values() for word in words.split())
#: The longest query read, in characters and in words; what is beyond is ignored.
MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 12
_SHORTEST_PREFIX = 3
#: One part of a Voikko WORDBASES analysis: "+text(base)", "+text(+suffix)" or "+text".
_WORDBASE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
#: Longer "words" are not words (a pasted key, a run of letters): they match as typed.
_LONGEST_WORD = 40


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order."""
    return [word.lower() for word in WORD.findall(text)]


@cache
def plain(word: str) -> str:
    """``word`` without accents or other marks (ä → a, š → s, й → и)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _Voikko(threading.local):
    """Voikko's Finnish analyser, one per thread (a Voikko handle is not thread-safe), or
    None where the library or its dictionary is not installed."""

    def __init__(self) -> None:
        self.handle = _open_voikko()


def _open_voikko() -> Any:
    try:
        import libvoikko  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        return libvoikko.Voikko("fi")
    except (OSError, libvoikko.VoikkoException) as error:
        logger.info("Finnish analysis falls back to stemming: %s", error)
        return None


_voikko = _Voikko()


def voikko_available() -> bool:
    """Whether Finnish is analysed by Voikko (else by the Snowball stemmer)."""
    return _voikko.handle is not None


@dataclass(frozen=True)
class Forms:
    """What one word is known by. ``asked`` are the forms a query word matches: the word
    itself, its base forms and, for a word derived from another (hitsaaja from hitsata),
    that root. ``indexed`` are the terms an indexed word is found by: the asked forms and,
    for a compound, the base form of each part (korjausrakentamisen is found by
    "rakentaminen", metallitöissä by "työ")."""

    asked: frozenset[str]
    indexed: frozenset[str]


@lru_cache(maxsize=200_000)
def forms(word: str, language: str) -> Forms:
    """The forms of ``word`` (lower-case, as :func:`words` gives it) in ``language``."""
    if len(word) > _LONGEST_WORD:
        only = frozenset({plain(word)})
        return Forms(only, only)
    if language == "fi" and voikko_available():
        found = _finnish(word)
        if found is not None:
            return found
    stem = snowballstemmer.stemmer(STEMMERS.get(language, "english")).stemWord(word)
    asked = frozenset({plain(word), plain(stem)})
    return Forms(asked, asked)


def _finnish(word: str) -> Forms | None:
    analyses = _voikko.handle.analyze(word)
    if not analyses:
        return None
    asked = {word}
    parts: set[str] = set()
    for analysis in analyses:
        asked.add(analysis.get("BASEFORM", word).lower())
        components = _components(analysis.get("WORDBASES", ""))
        if len(components) == 1:  # one word, perhaps derived: its root is asked too
            asked |= components[0][0]
            parts |= components[0][1]
        else:  # a compound: its parts only find it
            for whole, pieces in components:
                parts |= whole | pieces
    asked_plain = _terms(asked) | {plain(word)}
    return Forms(asked_plain, asked_plain | _terms(parts))


def _terms(found: set[str]) -> frozenset[str]:
    """Forms as terms: without accents, and only those that are one word of two or more
    letters (a dictionary's base form may hold a hyphen)."""
    return frozenset(plain(form) for form in found if len(form) > 1 and WORD.fullmatch(form))


def _components(wordbases: str) -> list[tuple[set[str], set[str]]]:
    """The lexical parts of a Voikko ``WORDBASES`` analysis, each as its forms (the
    surface with its derivational suffixes, "korjaus", and its base, "korjata") and the
    parts the dictionary marks in the base (työssä=oppiminen)."""
    components: list[tuple[set[str], set[str]]] = []
    surface = ""
    for found in _WORDBASE.finditer(wordbases):
        text, base = found.group(1), found.group(2)
        if base is None or base.startswith("+"):
            # An ending or a derivational suffix: part of the word before it.
            surface += text
            if components:
                components[-1][0].add(surface.lower())
            continue
        surface = text
        pieces = base.lower().split("=")
        components.append(
            ({surface.lower(), "".join(pieces)}, set(pieces) if len(pieces) > 1 else set())
        )
    return components


def marked(language: str, term: str) -> str:
    """``term`` as the index keeps it: with the language it was read in ("fi:hitsaus"),
    so that a word is matched in the language it was read in."""
    return f"{language}:{term}"


@lru_cache(maxsize=200_000)
def indexed_anywhere(word: str) -> frozenset[str]:
    """The terms ``word`` is found by in each language, each marked with its language."""
    return frozenset(
        marked(language, term) for language in LANGUAGES for term in forms(word, language).indexed
    )


def indexed_terms(text: str, language: str) -> set[str]:
    """The terms ``text`` written in ``language`` is found by."""
    terms: set[str] = set()
    for word in words(text):
        terms |= forms(word, language).indexed
    return terms


@dataclass(frozen=True)
class Query:
    """A query as read: its words and, per language, each word's asked forms. The last
    word also matches as a prefix (a name typed half-way)."""

    text: str
    words: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.words

    def alternatives(self, language: str) -> list[frozenset[str]]:
        """For each word, the terms any of which must be in a text of ``language``."""
        return [forms(word, language).asked for word in self.words]

    @property
    def groups(self) -> tuple[frozenset[str], ...]:
        """For each word, the marked terms (``marked``) any of which an entry must hold:
        the word's forms as each language reads it."""
        return tuple(
            frozenset(
                marked(language, form)
                for language in LANGUAGES
                for form in forms(word, language).asked
            )
            for word in self.words
        )

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The marked prefixes the last word also matches as (see ``prefix``)."""
        return tuple(marked(language, self.prefix) for language in LANGUAGES) if self.prefix else ()

    @property
    def prefix(self) -> str:
        """The last word as typed (without accents), matched as the start of a term; a word
        shorter than three letters is matched whole only."""
        last = plain(self.words[-1]) if self.words else ""
        return last if len(last) >= _SHORTEST_PREFIX else ""


def parse(text: str | None) -> Query:
    """``text`` as a query; operators, punctuation and what is beyond the limits are
    ignored, so any input reads as words or as nothing."""
    text = (text or "").strip()[:MAX_QUERY_CHARACTERS]
    asked = words(text)
    meaningful = [word for word in asked if word not in STOPWORDS]
    return Query(text=text, words=tuple((meaningful or asked)[:MAX_QUERY_WORDS]))
