"""Mark text that is shown in another language than the page's (WCAG 3.1.2).

Translated fields fall back to another language when the reader's is empty: a badge
written only in Finnish is shown in Finnish on /en/. Screen readers and hyphenation need
to know, so such text carries its own ``lang``::

    {% load content_language %}
    <h1{{ badge|lang_attr:"name" }}>{{ badge.name }}</h1>
    <a href="...">{{ badge|in_own_language:"name" }}</a>
"""

from django import template
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

register = template.Library()


def shown_language(obj: models.Model, field: str) -> str | None:
    """The language of the text that ``obj.<field>`` shows now, by the same fallback
    rules as django-modeltranslation; None when the field is not translated or empty."""
    descriptor = getattr(type(obj), field, None)
    if not isinstance(descriptor, TranslationFieldDescriptor):
        return None
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for language in resolution_order(get_language(), descriptor.fallback_languages):
        value = getattr(obj, build_localized_fieldname(field, language), None)
        if descriptor.meaningful_value(value, undefined):
            return language
    return None


def _other_language(obj: models.Model, field: str) -> str | None:
    language = shown_language(obj, field)
    return language if language and language != get_language() else None


@register.filter
def lang_attr(obj: models.Model, field: str) -> str:
    """`` lang="xx"`` for an element around ``obj.<field>`` when it is in another language."""
    language = _other_language(obj, field)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def in_own_language(obj: models.Model, field: str) -> SafeString:
    """``obj.<field>``, escaped, in a ``<span lang>`` when it is in another language."""
    text = getattr(obj, field, "")
    language = _other_language(obj, field)
    if language:
        return format_html('<span lang="{}">{}</span>', language, text)
    return format_html("{}", text)
