"""The steps of erasing a person that the registry in ``personal_data`` describes:
their copies in other people's rows, and their files in storage."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import personal_data

ERASED_PERSON = _("(erased person)")

# A name shorter than this would match ordinary words; it is left alone.
_SHORTEST_NAME = 3


def erased_marker(language: str = "") -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return str(ERASED_PERSON)


@dataclass(frozen=True)
class Person:
    """What identifies a person in text: their e-mail addresses and their name."""

    terms: tuple[str, ...]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, user) -> Person:
        addresses = {user.email.lower()}
        addresses.update(a.lower() for a in user.emailaddress_set.values_list("email", flat=True))
        terms = sorted(addresses, key=len, reverse=True)
        name = " ".join(user.full_name.split())
        if len(name) >= _SHORTEST_NAME:
            terms.append(name)
        terms = [t for t in terms if t]
        if not terms:
            return cls((), None)
        # Whole words and whole addresses only: "ann@example.org" is not in
        # "joann@example.org", nor is "Ann" in "Annual".
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
        pattern = re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w-]|\.\w)", re.IGNORECASE)
        return cls(tuple(terms), pattern)

    def appears_in(self, value) -> bool:
        if self.pattern is None or value in (None, ""):
            return False
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return bool(self.pattern.search(text))

    def replaced(self, value, marker: str):
        """``value`` with every mention of the person replaced by ``marker``."""
        if self.pattern is None:
            return value
        if isinstance(value, str):
            return self.pattern.sub(marker, value)
        if isinstance(value, list):
            return [self.replaced(item, marker) for item in value]
        if isinstance(value, dict):
            return {key: self.replaced(item, marker) for key, item in value.items()}
        return value


def _candidates(model, field: models.Field, person: Person) -> models.QuerySet:
    """Rows whose value may mention the person: a coarse filter the database can run."""
    rows = model._default_manager.all()
    condition = models.Q()
    if isinstance(field, models.JSONField):
        rows = rows.annotate(_as_text=Cast(field.name, models.TextField()))
        for term in person.terms:
            # SQLite keeps JSON with non-ASCII letters escaped, PostgreSQL does not.
            condition |= models.Q(_as_text__icontains=term)
            condition |= models.Q(_as_text__icontains=json.dumps(term)[1:-1])
    else:
        for term in person.terms:
            condition |= models.Q(**{f"{field.name}__icontains": term})
    return rows.filter(condition)


def _erase_copy(spec: personal_data.Copy, user, person: Person) -> None:
    model = apps.get_model(spec.model_label)
    field = model._meta.get_field(spec.field)
    if spec.user_field:
        rows = model._default_manager.filter(**{spec.user_field: user})
    elif person.pattern is None:
        return
    else:
        rows = _candidates(model, field, person)
    language_field = [spec.language_field] if spec.language_field else []
    doomed = []
    for row in rows.only("pk", field.name, *language_field).iterator(chunk_size=500):
        value = getattr(row, field.attname)
        if not spec.user_field and not person.appears_in(value):
            continue
        if spec.action == personal_data.DELETE:
            doomed.append(row.pk)
            continue
        marker = erased_marker(getattr(row, spec.language_field, "") if language_field else "")
        if spec.action == personal_data.BLANK:
            new = type(value)() if isinstance(value, dict | list) else ""
        elif spec.user_field:
            new = marker
        else:
            new = person.replaced(value, marker)
        if isinstance(new, str) and getattr(field, "max_length", None):
            new = new[: field.max_length]
        if new != value:
            model._default_manager.filter(pk=row.pk).update(**{field.attname: new})
    if doomed:
        model._default_manager.filter(pk__in=doomed).delete()


def erase_copies(user) -> None:
    """Blank, mark or delete every registered copy of the person's address or name."""
    person = Person.of(user)
    for spec in personal_data.copies():
        _erase_copy(spec, user, person)


def erase_files(user) -> None:
    """Delete the person's files from storage once the erasure is committed.

    Deleting them later keeps them when the erasure fails and is rolled back.
    """
    doomed = []
    for spec in personal_data.erased_files():
        model = apps.get_model(spec.model_label)
        rows = model._default_manager.filter(**{spec.owner: user}).exclude(**{spec.field: ""})
        for row in rows.only("pk", spec.field).iterator(chunk_size=500):
            stored = getattr(row, spec.field)
            doomed.append((stored.storage, stored.name))
        # A row that outlives the account must not point at a file that is gone.
        rows.update(**{spec.field: ""})

    def delete_them():
        for storage, name in doomed:
            storage.delete(name)

    transaction.on_commit(delete_them)
