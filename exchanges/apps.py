from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = _("Exchanges")

    def ready(self):
        from . import notices, panels, personal_data, search  # noqa: F401  (registrations)
