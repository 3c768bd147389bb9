"""The search index: which models are searched by which of their fields, and the entries
that keep up with every save and delete (``SearchEntry``, one per object)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from modeltranslation.translator import NotRegistered, translator

from core.models import SearchEntry, SearchWord

from . import analysis

#: A field's name, or a function of the object giving its text.
Source = str | Callable[[Any], str]

_BATCH = 2000
_SHORTEST_WORD = 3


@dataclass(frozen=True)
class Searchable:
    """A model whose ``title`` and ``body`` fields are indexed. A translated field
    (modeltranslation) is indexed per language from that language's column; any other is
    indexed in every language, as its language is not known."""

    model: type[models.Model]
    title: tuple[Source, ...]
    body: tuple[Source, ...] = ()
    translated: frozenset[str] = field(default_factory=frozenset)
    #: The relations ``body`` reads, joined when the index is built again.
    related: tuple[str, ...] = ()
    #: Whether its words are offered as spellings (not for text about a person).
    spelling: bool = True

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def text(self, obj: Any, sources: tuple[Source, ...], language: str) -> str:
        parts = []
        for source in sources:
            if callable(source):
                parts.append(source(obj))
            elif source in self.translated:
                parts.append(_translation(obj, source, language))
            else:
                parts.append(getattr(obj, source, "") or "")
        return " ".join(str(part) for part in parts if part)

    def entry(self, obj: Any) -> SearchEntry | None:
        """``obj``'s entry: the terms of its text read in each language (each term marked
        with the language, ``analysis.marked``), or None for an object without text."""
        title: set[str] = set()
        body: set[str] = set()
        for language in analysis.LANGUAGES:
            for terms, sources in ((title, self.title), (body, self.body)):
                found = analysis.indexed_terms(self.text(obj, sources, language), language)
                terms.update(analysis.marked(language, term) for term in found)
        if not (title or body):
            return None
        return SearchEntry(
            model=self.label,
            object_id=obj.pk,
            title_terms=" ".join(sorted(title)),
            terms=" ".join(sorted(title | body)),
        )

    def words(self, obj: Any) -> set[str]:
        if not self.spelling:
            return set()
        text = " ".join(
            self.text(obj, (*self.title, *self.body), language) for language in analysis.LANGUAGES
        )
        return {word for word in analysis.words(text) if _SHORTEST_WORD <= len(word) <= 40}


def _translation(obj: Any, field: str, language: str) -> str:
    """What a reader of ``language`` sees of a translated field: its own column, or where
    that is empty the first language that has one (the name of an organisation is often
    written in one language only, but found with words of any)."""
    for code in (language, *analysis.LANGUAGES):
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value:
            return value
    return ""


REGISTRY: dict[str, Searchable] = {}


def register(
    model: type[models.Model],
    *,
    title: Iterable[Source],
    body: Iterable[Source] = (),
    related: Iterable[str] = (),
    spelling: bool = True,
) -> Searchable:
    """Index ``model`` by ``title`` and ``body`` from now on: each save writes its
    entries in the save's transaction, each delete removes them. ``related`` names the
    relations a function in ``body`` reads. With ``spelling`` off, its words are not
    kept as spellings to offer (``SearchWord``): for personal text, which the entry keeps
    only as long as the object."""
    try:
        translated = frozenset(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = frozenset()
    searchable = Searchable(model, tuple(title), tuple(body), translated, tuple(related), spelling)
    REGISTRY[searchable.label] = searchable
    uid = f"core.search.{searchable.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid, weak=False)
    return searchable


def follow(
    model: type[models.Model],
    other: type[models.Model],
    *,
    lookup: str,
    fields: Iterable[str],
) -> None:
    """Index again the objects of ``model`` whose ``lookup`` is an ``other`` saved with a
    change to ``fields``: the text of those fields that their entries hold (an offer's
    host's name). A translated field counts in each of its languages."""
    try:
        translated = translator.get_options_for_model(other).all_fields
    except NotRegistered:
        translated = {}
    columns = tuple(
        column
        for name in fields
        for column in (
            [f"{name}_{code}" for code in analysis.LANGUAGES] if name in translated else [name]
        )
    )
    key = f"_search_before_{model._meta.label_lower}"
    uid = f"core.search.{model._meta.label_lower}.{other._meta.label_lower}"

    def before(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        asked = kwargs.get("update_fields")
        if raw or instance.pk is None or (asked is not None and not set(asked) & set(columns)):
            return
        rows = other._default_manager.filter(pk=instance.pk).values_list(*columns)
        instance.__dict__[key] = rows.first()

    def after(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        was = instance.__dict__.pop(key, None)
        if not raw and was is not None and was != tuple(getattr(instance, c) for c in columns):
            index_all(model._default_manager.filter(**{lookup: instance}))

    pre_save.connect(before, sender=other, dispatch_uid=uid, weak=False)
    post_save.connect(after, sender=other, dispatch_uid=uid, weak=False)


def searchable(model: type[models.Model]) -> Searchable:
    return REGISTRY[model._meta.label_lower]


def _saved(sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index(instance)


def _deleted(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    SearchEntry.objects.filter(model=sender._meta.label_lower, object_id=instance.pk).delete()


def index(obj: Any) -> None:
    """Write ``obj``'s entries again from its fields as they are now."""
    with transaction.atomic():
        _write(REGISTRY[obj._meta.label_lower], [obj])


def index_all(objects: models.QuerySet) -> None:
    """Write the entries of ``objects`` again, in batches."""
    searchable = REGISTRY[objects.model._meta.label_lower]
    with transaction.atomic():
        for batch in _batches(searchable, objects):
            _write(searchable, batch)


def rebuild(
    labels: Iterable[str] | None = None, *, progress: Callable[[str, int], Any] = print
) -> None:
    """Index every object of the registered models (or of those ``labels``) again, in
    batches: for a database filled by bulk inserts, which send no signals."""
    for label in labels or sorted(REGISTRY):
        searchable = REGISTRY[label]
        SearchEntry.objects.filter(model=label).delete()
        count = 0
        for batch in _batches(searchable, searchable.model._default_manager.all()):
            _write(searchable, batch, replace=False)
            count += len(batch)
        progress(label, count)


def _batches(searchable: Searchable, objects: models.QuerySet) -> Iterator[list[Any]]:
    rows = objects.select_related(*searchable.related).order_by("pk").iterator(_BATCH)
    while batch := list(islice(rows, _BATCH)):
        yield batch


def _write(searchable: Searchable, batch: list[Any], *, replace: bool = True) -> None:
    """The entries and words of ``batch``, in place of their old entries (``replace``)."""
    if replace:
        SearchEntry.objects.filter(
            model=searchable.label, object_id__in=[obj.pk for obj in batch]
        ).delete()
    SearchEntry.objects.bulk_create(
        entry for obj in batch if (entry := searchable.entry(obj)) is not None
    )
    words = set().union(*(searchable.words(obj) for obj in batch))
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], ignore_conflicts=True
    )


def build_if_empty(**kwargs: Any) -> None:
    """After ``migrate``: a database whose index was never built (just upgraded, or loaded
    from a dump) gets it built; otherwise this costs one query."""
    built = not REGISTRY or SearchEntry.objects.exists()
    if not built and any(s.model._default_manager.exists() for s in REGISTRY.values()):
        rebuild(progress=lambda label, count: None)
