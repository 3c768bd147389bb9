from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Training services")

    def ready(self):
        from . import notices, personal_data, search  # noqa: F401  (registrations)
