"""What the portal stores about a person: the registry behind "Download my data".

Every model with a foreign key to the user is either *exported* (the fields listed
here end up in the person's JSON file) or *excluded* with a reason. Each app
registers its own models in its ``AppConfig.ready``; a test fails when a foreign key
to the user is in neither list, so a new model cannot quietly escape the export.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class Export:
    model_label: str
    user_field: str
    fields: tuple[str, ...]
    section: str


_exports: dict[tuple[str, str], Export] = {}
_excluded: dict[tuple[str, str], str] = {}
_erasers: list[Callable] = []


def export(model_label: str, *, user_field: str, fields: Iterable[str], section: str = ""):
    """Export ``fields`` of the rows of ``model_label`` whose ``user_field`` is the person."""
    key = (model_label.lower(), user_field)
    _exports[key] = Export(model_label, user_field, tuple(fields), section or model_label.lower())


def exclude(model_label: str, *, user_field: str, reason: str):
    """Leave the foreign key out of the export, saying why."""
    if not reason.strip():
        raise ValueError("An excluded foreign key needs a reason.")
    _excluded[(model_label.lower(), user_field)] = reason


def on_erase(func: Callable) -> Callable:
    """Register ``func(user)``, called inside the erasure transaction before the user is deleted."""
    _erasers.append(func)
    return func


def is_covered(model_label: str, user_field: str) -> bool:
    key = (model_label.lower(), user_field)
    return key in _exports or key in _excluded


def erasers() -> list[Callable]:
    return list(_erasers)


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def collect(user) -> dict:
    """Everything the registry knows about ``user``, as JSON-ready data."""
    data: dict = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            name: _plain(getattr(user, name))
            for name in (
                "email",
                "full_name",
                "language",
                "gender",
                "birth_year",
                "labour_market_status",
                "date_joined",
                "last_login",
            )
        },
    }
    for spec in sorted(_exports.values(), key=lambda e: (e.section, e.user_field)):
        model = apps.get_model(spec.model_label)
        related = [f.split("__")[0] for f in spec.fields if "__" in f]
        rows = model._default_manager.filter(**{spec.user_field: user})
        if related:
            rows = rows.select_related(*related)
        items = []
        for row in rows.order_by("pk"):
            item = {}
            for path in spec.fields:
                value = row
                for part in path.split("__"):
                    value = getattr(value, part, None) if value is not None else None
                item[path] = _plain(value)
            items.append(item)
        data.setdefault(spec.section, []).extend(items)
    return data


# Models of Django and django-allauth that point at the user.
export(
    "account.EmailAddress",
    user_field="user",
    fields=("email", "verified", "primary"),
    section="email_addresses",
)
export(
    "mfa.Authenticator",
    user_field="user",
    fields=("type", "created_at", "last_used_at"),
    section="two_factor_authentication",
)
export(
    "usersessions.UserSession",
    user_field="user",
    fields=("ip", "user_agent", "created_at", "last_seen_at"),
    section="sessions",
)
export(
    "admin.LogEntry",
    user_field="user",
    fields=("action_time", "object_repr", "change_message"),
    section="admin_changes",
)
