from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorklifePassportConfig(AppConfig):
    name = "worklife_passport"
    verbose_name = _("Work-life passport")

    def ready(self):
        from . import notices, panels, personal_data, search  # noqa: F401  (registrations)
