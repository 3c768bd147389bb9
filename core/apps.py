from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on: the workflow mechanism, the audit log, errors, view
    helpers, files, spreadsheets, PDFs and the fragment cache. It imports no other app."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db import connections
        from django.db.backends.signals import connection_created

        from . import tables

        # Every write moves its table's version on, whoever makes it (core/tables.py).
        connection_created.connect(tables.install, dispatch_uid="core.tables")
        for connection in connections.all(initialized_only=True):
            tables.install(connection)
