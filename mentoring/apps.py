from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core import fragments

        from . import notices, panels, personal_data  # noqa: F401  (registrations)
        from .models import Feedback, Goal, Meeting, Pair, PairEvent, Programme

        fragments.on_save_of("programmes", Programme)

        def pair_changed(instance, **kwargs):
            fragments.changed(
                f"pair:{instance.pk if isinstance(instance, Pair) else instance.pair_id}"
            )

        for signal in (post_save, post_delete):
            for model in (Pair, PairEvent, Goal, Meeting, Feedback):
                signal.connect(pair_changed, sender=model, dispatch_uid="pair-page")
