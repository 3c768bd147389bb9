from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = _("Peer review")

    def ready(self):
        from . import notices, panels, personal_data  # noqa: F401  (registrations)
