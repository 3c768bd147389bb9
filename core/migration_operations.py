"""Operations the migrations share."""

from collections.abc import Iterable
from typing import Any

from django.db import migrations


def move_content_types(source: str, target: str, models: Iterable[str]) -> migrations.RunPython:
    """Move the content types (and so the permissions) of ``models`` from app ``source`` to
    app ``target``, for a model that changes app and keeps its table; reversible."""
    names = list(models)

    def move(from_app: str, to_app: str) -> Any:
        def run(apps: Any, schema_editor: Any) -> None:
            ContentType = apps.get_model("contenttypes", "ContentType")
            for model in names:
                if not ContentType.objects.filter(app_label=to_app, model=model).exists():
                    ContentType.objects.filter(app_label=from_app, model=model).update(
                        app_label=to_app
                    )

        return run

    return migrations.RunPython(move(source, target), move(target, source))


def postgresql_sql(forwards: list[str], backwards: list[str]) -> migrations.RunPython:
    """Run the SQL ``forwards`` (``backwards`` to reverse) on PostgreSQL only: what SQLite,
    the embedded default, does without (indexes it has no kind of, triggers, storage)."""

    def run(statements: list[str]) -> Any:
        def apply(apps: Any, schema_editor: Any) -> None:
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return apply

    return migrations.RunPython(run(forwards), run(backwards))
