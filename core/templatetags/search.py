"""``{{ text|highlight:query }}``: the words of ``text`` that match ``query`` marked, as
:func:`highlighter` marks them in the text of rendered pieces of HTML."""

from __future__ import annotations

import re
from collections.abc import Callable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.search import analysis

register = template.Library()


@register.filter
def highlight(text: object, query: str | None) -> SafeString | object:
    """``text`` escaped, with each word that a word of ``query`` finds (in any of its forms,
    in any language, or the last word as a prefix) in a ``<mark>``."""
    if text in (None, ""):
        return text
    return highlighter(query)(escape(str(text)))


#: The text of a piece of HTML: what lies between its tags (with character references).
_TEXT = re.compile(r"(?:^|>)([^<]+)")
#: Where a word of the text starts and ends: not inside a tag or a comment (no ">" before
#: the next "<"), not the name or number of a character reference (after "&" or "&#").
_TEXT_START, _TEXT_END = r"(?<!&)(?<!&#)(?<![^\W_])", r"(?![^\W_])(?![^<]*>)"


def highlighter(query: str | None) -> Callable[[str], SafeString]:
    """A function of a piece of HTML (rendered by a template, so well formed, its text
    escaped): the HTML with each word of its text that a word of ``query`` finds in a
    ``<mark>``. Made once for the rows of a page, it weighs each word once."""
    parsed = analysis.parse(query)
    if parsed.empty:
        return mark_safe
    matches = _matcher(parsed)
    patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def highlight_html(html: str) -> SafeString:
        # The words found are looked for again as they are: most rows show few of them.
        text = " ".join(_TEXT.findall(html))
        found = frozenset(word for word in set(analysis.WORD.findall(text)) if matches(word))
        if not found:
            return mark_safe(html)  # noqa: S308 - as rendered by its template
        if found not in patterns:
            alternatives = "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
            patterns[found] = re.compile(rf"{_TEXT_START}(?:{alternatives}){_TEXT_END}")
        # Only <mark> is added, around words of text already escaped.
        return mark_safe(patterns[found].sub(r"<mark>\g<0></mark>", html))  # noqa: S308

    return highlight_html


def _matcher(parsed: analysis.Query) -> Callable[[str], bool]:
    """Whether a word is one that ``parsed`` finds (in any of its forms, in any language,
    or the last word as a prefix), each word weighed once."""
    asked = frozenset().union(*parsed.groups)
    prefix = parsed.prefix
    found: dict[str, bool] = {}

    def matches(word: str) -> bool:
        if word not in found:
            lower = word.lower()
            found[word] = bool(prefix and analysis.plain(lower).startswith(prefix)) or not (
                analysis.indexed_anywhere(lower).isdisjoint(asked)
            )
        return found[word]

    return matches
