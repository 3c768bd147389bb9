from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = _("Exchanges")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import fragments

        from . import notices, panels, personal_data  # noqa: F401  (registrations)
        from .models import Application, PartnershipAgreement, PlacementOffer
        from .services.common import applications_changed, queue_names

        fragments.on_save_of("offers", PlacementOffer)

        def application_saved(instance, **kwargs):
            applications_changed(instance)

        # The queues mark applications between organisations without an agreement.
        def agreement_saved(instance, reverse=False, pk_set=None, **kwargs):
            if reverse:  # organisation.partnership_agreements changed
                parties = {instance.pk}
            else:
                parties = {*(pk_set or ()), *instance.parties.values_list("pk", flat=True)}
            fragments.changed(*queue_names(everything=True), *queue_names(homes=parties))

        for signal in (post_save, post_delete):
            signal.connect(application_saved, sender=Application, dispatch_uid="queue")
            signal.connect(agreement_saved, sender=PartnershipAgreement, dispatch_uid="queue")
        m2m_changed.connect(
            agreement_saved, sender=PartnershipAgreement.parties.through, dispatch_uid="queue"
        )
