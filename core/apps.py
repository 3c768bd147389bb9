from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(*, using: str, **kwargs: Any) -> None:
    """The database caches' tables (login rate limits, see the settings) come with
    ``migrate``, wherever it runs: ``make run``, the tests, the compose stack."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    """What every app builds on: the workflow mechanism, the audit log, errors, view
    helpers, files, spreadsheets, PDFs and the fragment cache. It imports no other app."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db import connections
        from django.db.backends.signals import connection_created

        from . import checks, tables
        from .search import index, lookups

        # Every write moves its table's version on, whoever makes it (core/tables.py).
        connection_created.connect(tables.install, dispatch_uid="core.tables")
        for connection in connections.all(initialized_only=True):
            tables.install(connection)
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="core.cache_tables")
        # SQLite gets pg_trgm's similarity; an index never built is built after migrate.
        connection_created.connect(lookups.install_sqlite_functions, dispatch_uid="core.sqlite")
        for connection in connections.all(initialized_only=True):
            lookups.install_sqlite_functions(None, connection)
        post_migrate.connect(index.build_if_empty, sender=self, dispatch_uid="core.search")
        checks.register()
