"""What the coordinator-run rounds share: a needs survey, a peer-review round, a call for
pilots. Each moves by the state it is asked for and writes the rows of an inline table
(questions, follow-ups, criteria); their forms act in the name of one of the person's
organisations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.db import models

from .errors import DomainError
from .workflow import Workflow, perform

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

M = TypeVar("M", bound=models.Model)


def offer_only(field: forms.ModelChoiceField[Any], organisations: Sequence[int]) -> None:
    """Offer in ``field`` only the ``organisations`` (keys), the one chosen when alone."""
    # A model field's form field always has its queryset; the stubs allow it none.
    field.queryset = field.queryset.filter(pk__in=organisations)  # type: ignore[union-attr]
    if len(organisations) == 1:
        field.initial = organisations[0]


def move_to(
    workflow: Workflow[M], *, actor: User | None, obj: M, to: str, error: type[DomainError]
) -> M:
    """Move ``obj`` to the state ``to`` by the move that leads there from where the stored
    object is (``perform`` checks it again under the row lock); no such move is ``error``
    with the workflow's message."""
    stored = type(obj)._default_manager.get(pk=obj.pk)
    state = workflow.state(stored)
    move = next((m for m in workflow.moves.values() if m.target == to and state in m.sources), None)
    if move is None:
        display = getattr(stored, f"get_{workflow.status_field}_display")()
        raise error(workflow.illegal % {"status": display}, code="illegal_move")
    return perform(workflow, actor=actor, obj=stored, action=move.action)


def _attname(item: models.Model, name: str) -> str:
    field = item._meta.get_field(name)
    return field.attname if isinstance(field, models.Field) else name


def save_rows(
    rows: Iterable[dict], *, stored: Callable[[Any], M], new: Callable[[], M], fields: Iterable[str]
) -> list[tuple[M, dict[str, Any]]]:
    """Write the changed rows of an inline table, as a formset cleans them: ``id`` the
    stored item (read again through ``stored``) or ``None`` for a ``new()`` one, ``DELETE``
    and the ``fields``. Returns each item saved with what it held before (a relation by
    its key, so reading it takes no query)."""
    names, saved = list(fields), []
    for row in rows:
        existing = row.get("id")
        item = stored(existing) if existing is not None else new()
        if row.get("DELETE"):
            if item.pk is not None:
                item.delete()
            continue
        before = {name: getattr(item, _attname(item, name)) for name in names}
        for name in names:
            setattr(item, name, row[name])
        item.save()
        saved.append((item, before))
    return saved


def parsed(name: str, parse: Callable[[str], Any]) -> Callable[[dict], dict]:
    """A notice's ``enrich``: its context with the stored text ``name`` read back by
    ``parse`` (e.g. ``parse_date``; an empty one as ``None``)."""
    return lambda context: {**context, name: parse(context[name]) if context[name] else None}
