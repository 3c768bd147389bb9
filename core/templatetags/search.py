"""``{{ text|highlight:query }}``: the words of ``text`` that match ``query`` marked;
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
    parsed = analysis.parse(query)
    if text in (None, "") or parsed.empty:
        return text
    matches = _matcher(parsed)
    out: list[str] = []
    end = 0
    value = str(text)
    for word in analysis.WORD.finditer(value):
        if matches(word.group()):
            out.append(escape(value[end : word.start()]))
            out.append(f"<mark>{escape(word.group())}</mark>")
            end = word.end()
    out.append(escape(value[end:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped


#: In HTML: a tag, a comment or a character reference (never marked inside), or a word.
_MARKUP_OR_WORD = re.compile(r"(<!--.*?-->|<[^>]*>|&#?\w+;)|[^\W_]+", re.DOTALL)


def highlighter(query: str | None) -> Callable[[str], SafeString]:
    """A function of a piece of HTML (rendered by a template, so well formed): the HTML
    with each word of its text that a word of ``query`` finds in a ``<mark>``, not in
    tags, attributes or references. Made once for the rows of a page, it weighs each
    word once."""
    parsed = analysis.parse(query)
    if parsed.empty:
        return mark_safe
    matches = _matcher(parsed)

    def mark(found: re.Match[str]) -> str:
        if found.group(1) is None and matches(found.group()):
            return f"<mark>{found.group()}</mark>"
        return found.group()

    def highlight_html(html: str) -> SafeString:
        # Only <mark> is added, around words of text already escaped.
        return mark_safe(_MARKUP_OR_WORD.sub(mark, html))  # noqa: S308

    return highlight_html


def _matcher(parsed: analysis.Query) -> Callable[[str], bool]:
    """Whether a word is one that ``parsed`` finds, each word weighed once."""
    asked = {
        language: frozenset().union(*parsed.alternatives(language))
        for language in analysis.LANGUAGES
    }
    found: dict[str, bool] = {}

    def matches(word: str) -> bool:
        if word not in found:
            found[word] = _matches(word.lower(), asked, parsed.prefix)
        return found[word]

    return matches


def _matches(word: str, asked: dict[str, frozenset[str]], prefix: str) -> bool:
    if prefix and analysis.plain(word).startswith(prefix):
        return True
    return any(analysis.forms(word, language).indexed & terms for language, terms in asked.items())
