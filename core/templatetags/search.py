"""``{{ text|highlight:query }}``: the words of ``text`` that match ``query`` marked."""

from __future__ import annotations

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
    asked = {
        language: frozenset().union(*parsed.alternatives(language))
        for language in analysis.LANGUAGES
    }
    out: list[str] = []
    end = 0
    value = str(text)
    for found in analysis.WORD.finditer(value):
        word = found.group().lower()
        if _matches(word, asked, parsed.prefix):
            out.append(escape(value[end : found.start()]))
            out.append(f"<mark>{escape(found.group())}</mark>")
            end = found.end()
    out.append(escape(value[end:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped


def _matches(word: str, asked: dict[str, frozenset[str]], prefix: str) -> bool:
    if prefix and analysis.plain(word).startswith(prefix):
        return True
    return any(analysis.forms(word, language).indexed & terms for language, terms in asked.items())
