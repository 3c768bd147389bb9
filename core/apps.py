from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on: the workflow mechanism, the audit log, errors, view
    helpers, files, spreadsheets, PDFs and the fragment cache. It imports no other app."""

    name = "core"
    verbose_name = _("Core")
