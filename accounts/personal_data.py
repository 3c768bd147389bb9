"""What the portal stores about a person: the registry behind "Download my data" and
"Delete my account".

Each app registers its own models in its ``personal_data`` module:

- every foreign key to the user is *exported* (the fields listed end up in the person's
  archive) or *excluded* with a reason;
- every file field on a model that leads to the user is registered with ``files``: the
  file goes into the archive, is deleted from storage with the account, or both, and
  whatever is kept says why;
- every column that keeps a *copy* of a person's e-mail address or name outside their
  own rows (an award's recipient, a signature, an audit entry, someone else's notice)
  is registered with ``copy`` and the way it is erased: blanked, replaced by a neutral
  marker, or its row deleted. A column that only looks like one says so with
  ``not_a_copy``.

Tests fail when a foreign key, a file field, an e-mail column or a ``*_name``/``*_repr``
column is in none of the lists, so a new model cannot quietly escape.
"""

from __future__ import annotations

import datetime
import posixpath
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils import timezone

from .models import PROFILE_FIELDS

BLANK = "blank"
MARK = "mark"
DELETE = "delete"

# Apps whose rows go into another area's document of the archive.
_AREAS = {
    "account": "profile",
    "accounts": "profile",
    "admin": "profile",
    "core": "profile",
    "mfa": "profile",
    "usersessions": "profile",
    "worklife_passport": "passport",
}


@dataclass(frozen=True)
class Export:
    model_label: str
    user_field: str
    fields: tuple[str, ...]
    section: str
    area: str


@dataclass(frozen=True)
class Files:
    model_label: str
    field: str
    owner: str
    exported: bool
    erased: bool
    reason: str


@dataclass(frozen=True)
class Copy:
    model_label: str
    field: str
    action: str
    user_field: str = ""
    language_field: str = ""


_exports: dict[tuple[str, str], Export] = {}
_excluded: dict[tuple[str, str], str] = {}
_files: dict[tuple[str, str], Files] = {}
_copies: dict[tuple[str, str], Copy] = {}
_not_copies: dict[tuple[str, str], str] = {}
_erasers: list[Callable] = []


def _area(model_label: str) -> str:
    app_label = model_label.split(".")[0].lower()
    return _AREAS.get(app_label, app_label)


def export(
    model_label: str,
    *,
    user_field: str = "user",
    fields: Iterable[str],
    section: str = "",
):
    """Export ``fields`` of the rows of ``model_label`` whose ``user_field`` is the person.

    ``user_field`` may follow relations (``"pair__mentee__user"``); by default it is
    ``user``. A file field among ``fields`` puts the file itself into the archive.
    """
    key = (model_label.lower(), user_field)
    _exports[key] = Export(
        model_label,
        user_field,
        tuple(fields),
        section or model_label.lower(),
        _area(model_label),
    )


def exclude(model_label: str, *, user_field: str = "user", reason: str):
    """Leave the foreign key out of the export, saying why."""
    if not reason.strip():
        raise ValueError("An excluded foreign key needs a reason.")
    _excluded[(model_label.lower(), user_field)] = reason


def files(
    model_label: str,
    *,
    field: str,
    owner: str,
    exported: bool = True,
    erased: bool = True,
    reason: str = "",
    fields: Iterable[str] = (),
    section: str = "",
):
    """Register the file field ``field``; ``owner`` leads from a row to its person.

    ``exported``: the owner's files go into their archive, described by ``fields``.
    ``erased``: the owner's files are deleted from storage with the account. Not doing
    one of the two needs a reason.
    """
    if not (exported and erased) and not reason.strip():
        raise ValueError("A file kept or left out of the export needs a reason.")
    _files[(model_label.lower(), field)] = Files(
        model_label, field, owner, exported, erased, reason
    )
    if exported:
        export(model_label, user_field=owner, fields=(*fields, field), section=section)


def copy(
    model_label: str,
    *,
    field: str,
    action: str,
    user_field: str = "",
    language_field: str = "",
):
    """``field`` keeps a copy of a person's e-mail address or name; erase it by ``action``.

    With ``user_field`` the rows are those that point at the person and the whole value
    goes; without, the rows are those whose value contains one of the person's
    addresses or their name, and ``MARK`` replaces just those words. The marker is in
    the language named by the row's ``language_field``, else in the site's language.
    """
    if action not in (BLANK, MARK, DELETE):
        raise ValueError(f"Unknown way to erase a copy: {action!r}.")
    _copies[(model_label.lower(), field)] = Copy(
        model_label, field, action, user_field, language_field
    )


def not_a_copy(model_label: str, *, field: str, reason: str):
    """``field`` looks like a copy of a person's address or name but is not one."""
    if not reason.strip():
        raise ValueError("A column that is not a copy needs a reason.")
    _not_copies[(model_label.lower(), field)] = reason


def on_erase(func: Callable) -> Callable:
    """Register ``func(user)``, called inside the erasure transaction before the user is deleted."""
    _erasers.append(func)
    return func


def is_covered(model_label: str, user_field: str) -> bool:
    key = (model_label.lower(), user_field)
    return key in _exports or key in _excluded


def file_registration(model_label: str, field_name: str) -> Files | None:
    return _files.get((model_label.lower(), field_name))


def is_copy_covered(model_label: str, field_name: str) -> bool:
    key = (model_label.lower(), field_name)
    return key in _copies or key in _not_copies


def erasers() -> list[Callable]:
    return list(_erasers)


def copies() -> list[Copy]:
    return list(_copies.values())


def erased_files() -> list[Files]:
    return [spec for spec in _files.values() if spec.erased]


# --- "Download my data" ---------------------------------------------------------------


@dataclass
class Collected:
    """The person's data: one JSON document per area, and the files that go with them."""

    documents: dict[str, dict] = field(default_factory=dict)
    files: list[tuple[str, models.fields.files.FieldFile]] = field(default_factory=list)


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID | models.Model):
        return str(value)
    return value


def _archived(collected: Collected, spec: Export, row, value) -> str | None:
    """Put the file in the archive; its path there, or None when there is no file."""
    if not value.name or not value.storage.exists(value.name):
        return None
    path = f"files/{spec.area}/{spec.section}/{row.pk}-{posixpath.basename(value.name)}"
    collected.files.append((path, value))
    return path


def _rows(spec: Export, user) -> models.QuerySet:
    model = apps.get_model(spec.model_label)
    related = {f.rsplit("__", 1)[0] for f in spec.fields if "__" in f}
    rows = model._default_manager.filter(**{spec.user_field: user})
    if related:
        rows = rows.select_related(*related)
    return rows.order_by("pk")


def collect(user) -> Collected:
    """Everything the registry knows about ``user``, as JSON-ready documents and files."""
    collected = Collected()
    names = ("email", *PROFILE_FIELDS, "date_joined", "last_login")
    collected.documents["profile"] = {
        "exported_at": timezone.now().isoformat(),
        "profile": {name: _plain(getattr(user, name)) for name in names},
    }
    for spec in sorted(_exports.values(), key=lambda e: (e.area, e.section, e.user_field)):
        items = []
        for row in _rows(spec, user):
            item = {}
            for path in spec.fields:
                value = row
                for part in path.split("__"):
                    value = getattr(value, part, None) if value is not None else None
                if isinstance(value, models.fields.files.FieldFile):
                    value = _archived(collected, spec, row, value)
                item[path] = _plain(value)
            items.append(item)
        document = collected.documents.setdefault(spec.area, {})
        document.setdefault(spec.section, []).extend(items)
    return collected


# Models of Django and django-allauth that point at the user.
for label, fields, section in [
    ("account.EmailAddress", ("email", "verified", "primary"), "email_addresses"),
    ("mfa.Authenticator", ("type", "created_at", "last_used_at"), "two_factor_authentication"),
    ("usersessions.UserSession", ("ip", "user_agent", "created_at", "last_seen_at"), "sessions"),
    ("admin.LogEntry", ("action_time", "object_repr", "change_message"), "admin_changes"),
]:
    export(label, fields=fields, section=section)
for name in ("email", "full_name"):
    not_a_copy("accounts.User", field=name, reason="The person's own; deleted with the account.")
not_a_copy(
    "account.EmailAddress",
    field="email",
    reason="The person's own addresses; deleted with the account.",
)
# An admin's change to a person's row names them in the admin's history.
copy("admin.LogEntry", field="object_repr", action=MARK)
copy("admin.LogEntry", field="change_message", action=MARK)
