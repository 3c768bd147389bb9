from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = _("Exchanges")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from network_portal import fragments

        from . import notices, panels, personal_data  # noqa: F401  (registrations)
        from .models import Application, PartnershipAgreement, PlacementOffer
        from .services.common import applications_changed

        fragments.on_save_of("offers", PlacementOffer)
        # The queues mark applications between organisations without an agreement.
        fragments.on_save_of("applications", PartnershipAgreement)

        def application_saved(instance, **kwargs):
            applications_changed(instance)

        for signal in (post_save, post_delete):
            signal.connect(application_saved, sender=Application, dispatch_uid="queue")
