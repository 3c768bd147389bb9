"""Admin inlines for rows that the pages write (answers, scores, recipients)."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest


class ReadOnlyInline(admin.TabularInline):
    """Shows the rows with every field read-only; rows are neither added nor deleted here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [name for name in self.fields or () if isinstance(name, str)]

    def has_add_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False
