"""Admin pieces the apps share: a workflow's history (read only) and moves, and the
admin of rows only the services make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django_stubs_ext import StrOrPromise

from .admin_actions import workflow_action
from .workflow import Workflow, perform


class ReadOnlyInline(admin.TabularInline[Any, Any]):
    """Rows kept as they were written (history, signatures, answers, scores): shown with every
    field read-only, never added or deleted here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        return [name for name in self.fields or () if isinstance(name, str)]

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class HistoryInline(ReadOnlyInline):
    """A workflow object's history rows (``HistoryEvent``)."""

    fields = ["created_at", "actor", "action", "from_status", "to_status", "comment"]


class MadeByServicesAdmin(admin.ModelAdmin[Any]):
    """The admin of rows only the services make: it shows them but never adds one."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def move_action(
    workflow: Workflow[Any], action: str, description: StrOrPromise
) -> Callable[[admin.ModelAdmin[Any], HttpRequest, QuerySet[Any]], HttpResponse | None]:
    """The admin action making the move ``action`` of ``workflow`` on each selected row
    (named ``<entity>_<action>``); it asks the reason when the move needs a comment."""
    return workflow_action(
        f"{workflow.name.rsplit('.', 1)[-1]}_{action}",
        description,
        lambda *, actor, obj, comment: perform(
            workflow, actor=actor, obj=obj, action=action, comment=comment
        ),
        needs_comment=workflow.move(action).needs_comment,
    )
