"""Saving a model from a service's plain data."""

from typing import Any

from django.db import models


def save_data(instance: models.Model, data: dict[str, Any], *, created: bool) -> None:
    """Put ``data`` (field name to value, as a form cleans them) on ``instance`` and save
    it: a new row whole, an existing one with only the fields in ``data``; many-to-many
    values are set once the row is saved."""
    fields, relations = [], {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            relations[name] = value
        else:
            field.save_form_data(instance, value)  # type: ignore[union-attr]
            fields.append(name)
    if created:
        instance.save()
    else:
        instance.save(update_fields=fields)
    for name, values in relations.items():
        getattr(instance, name).set(values)
