from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "pilots"
    verbose_name = _("Calls for pilots")

    def ready(self):
        from . import notices, personal_data  # noqa: F401  (registrations)
