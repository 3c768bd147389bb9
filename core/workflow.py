"""The one workflow mechanism: a declared table of moves per model and one ``perform``.

A workflow (``Workflow``) lists its moves (``Move``): from which states each may be made
and by which parties, whether it needs a comment, and the hooks that check and do what
is particular to it. ``perform`` is the only code that moves an object: it locks the row,
checks the move, runs its hooks, saves with ``update_fields``, writes one history row and
one audit entry (always with its organisation) and queues the notices, in one
transaction. The pages' buttons (``available``) and the admin's actions read the same
table, so nothing offers a move the viewer cannot make.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from .audit import log_action
from .errors import DomainError, IllegalMove, NotAllowed

if TYPE_CHECKING:
    # django-stubs' stand-in for the configured user model (``AUTH_USER_MODEL``): the
    # mypy plugin reads it as the portal's user, and the core names no app.
    from django.contrib.auth.models import _User as User

    from .models import HistoryEvent

M = TypeVar("M", bound=models.Model)

COMMENT_NEEDED = _("Please write the reason in the comment.")


def from_states(states: Iterable[str], parties: Iterable[str]) -> dict[str, frozenset[str]]:
    """``sources`` for a move the same ``parties`` may make from each of ``states``."""
    return dict.fromkeys(states, frozenset(parties))


@dataclass
class Change(Generic[M]):
    """One move being made: what the hooks read, and where they say what else changed."""

    workflow: Workflow[M]
    move: Move[M]
    actor: User | None
    obj: M
    #: The actor's parties to the object (e.g. ``{"home"}``), as ``workflow.parties`` says.
    parties: frozenset[str]
    comment: str
    before: str
    now: datetime.datetime
    #: The state the object goes to; a ``prepare`` hook may decide it.
    target: str
    #: What the caller passed besides the comment (e.g. the day of an arrival).
    extra: dict[str, Any] = field(default_factory=dict)
    #: The fields the hooks changed on ``obj``, saved with the state.
    fields: list[str] = field(default_factory=list)
    #: What the audit entry records besides the two states.
    data: dict[str, Any] = field(default_factory=dict)

    def set(self, **values: Any) -> None:
        """Change fields of the object; they are saved with the move."""
        for name, value in values.items():
            setattr(self.obj, name, value)
            if name not in self.fields:
                self.fields.append(name)


Hook = Callable[[Change[M]], None]


@dataclass(frozen=True)
class Move(Generic[M]):
    action: str
    label: StrOrPromise
    #: The state the move leads to; ``None`` when the ``prepare`` hook decides it.
    target: str | None
    #: For each state the move may start from, the parties that may make it there.
    sources: Mapping[str, frozenset[str]]
    needs_comment: bool = False
    #: What to say when the comment is missing (by default ``COMMENT_NEEDED``).
    comment_message: StrOrPromise | None = None
    button_style: str = ""
    #: A move made for a day (an arrival, a departure): the page asks for the day.
    dated: bool = False
    #: Checks and changes made before the object is saved; raises ``DomainError``.
    prepare: Hook[M] | None = None
    #: What follows once the move is saved (an award, the first goals).
    after: Hook[M] | None = None
    #: Whether the page offers the move now (beyond state and party), e.g. not before a date.
    offered: Callable[[M], bool] | None = None


@dataclass(frozen=True)
class Workflow(Generic[M]):
    """The moves of one model and how to read, check and record them."""

    #: The audit actions' prefix, e.g. ``exchanges.application``.
    name: str
    moves: Mapping[str, Move[M]]
    #: Reads the object for update, with what the moves and notices need.
    lock: Callable[[M], M]
    #: The actor's parties to the object.
    parties: Callable[[User | None, M], frozenset[str]]
    #: The organisation whose audit log records the moves (an object or its key).
    organisation: Callable[[M], models.Model | int | None]
    #: "This cannot be done while the … is “%(status)s”."
    illegal: StrOrPromise
    #: The history model and the name of its foreign key to the object.
    history: type[HistoryEvent] | None = None
    history_field: str = ""
    #: Checks every move makes (after the table's), e.g. "you cannot assess your own claim".
    guard: Hook[M] | None = None
    #: Queues the notices of a move (through the outbox, so they leave after commit).
    notify: Hook[M] | None = None
    status_field: str = "status"
    #: The field that keeps when the state last changed, if the model has one.
    changed_at_field: str = ""

    def state(self, obj: M) -> str:
        return str(getattr(obj, self.status_field))

    def available(self, obj: M, parties: frozenset[str]) -> list[Move[M]]:
        """The moves ``parties`` can make from the object's current state."""
        state = self.state(obj)
        return [
            move
            for move in self.moves.values()
            if parties & move.sources.get(state, frozenset())
            and (move.offered is None or move.offered(obj))
        ]

    def move(self, action: str) -> Move[M]:
        try:
            return self.moves[action]
        except KeyError:
            raise IllegalMove(_("Unknown action."), code="unknown") from None


def perform(
    workflow: Workflow[M],
    *,
    actor: User | None,
    obj: M,
    action: str,
    comment: str = "",
    **extra: Any,
) -> M:
    """Make one move of ``workflow`` on ``obj``, or refuse it with a ``DomainError``.

    Returns the object as saved (a fresh copy, read under the row lock)."""
    move = workflow.move(action)
    with transaction.atomic():
        obj = workflow.lock(obj)
        state = workflow.state(obj)
        allowed = move.sources.get(state)
        if allowed is None:
            display = getattr(obj, f"get_{workflow.status_field}_display")()
            raise IllegalMove(workflow.illegal % {"status": display}, code="illegal")
        parties = workflow.parties(actor, obj)
        if not parties & allowed:
            raise NotAllowed
        change = Change(
            workflow=workflow,
            move=move,
            actor=actor,
            obj=obj,
            parties=parties,
            comment=comment.strip(),
            before=state,
            now=timezone.now(),
            target=move.target or state,
            extra=extra,
        )
        if workflow.guard is not None:
            workflow.guard(change)
        if move.needs_comment and not change.comment:
            raise DomainError(move.comment_message or COMMENT_NEEDED, code="comment")
        if move.prepare is not None:
            move.prepare(change)
        _save(change)
        if move.after is not None:
            move.after(change)
        if workflow.notify is not None:
            workflow.notify(change)
        return change.obj


def _save(change: Change[M]) -> None:
    workflow, obj = change.workflow, change.obj
    values: dict[str, Any] = {workflow.status_field: change.target}
    if workflow.changed_at_field:
        values[workflow.changed_at_field] = change.now
    change.set(**values)
    obj.save(update_fields=change.fields)
    if workflow.history is not None:
        workflow.history._default_manager.create(
            **{workflow.history_field: obj},
            actor=change.actor,
            action=change.move.action,
            from_status=change.before,
            to_status=change.target,
            comment=change.comment,
            created_at=change.now,
        )
    log_action(
        actor=change.actor,
        action=f"{workflow.name}.{change.move.action}",
        target=obj,
        organisation=workflow.organisation(obj),
        data={"from": change.before, "to": change.target, **change.data},
    )
