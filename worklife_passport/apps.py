from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorklifePassportConfig(AppConfig):
    name = "worklife_passport"
    verbose_name = _("Work-life passport")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core import fragments

        from . import notices, panels, personal_data, selectors  # noqa: F401  (registrations)
        from .models import (
            Award,
            Badge,
            Claim,
            Goal,
            Pathway,
            PathwayRule,
            RecognitionRequest,
            ShareLink,
            SkillNeed,
        )

        # The catalogue's holder counts may lag awards by FRAGMENT_SECONDS at most.
        fragments.on_save_of("badges", Badge, SkillNeed, Pathway, PathwayRule)

        def claim_saved(instance, **kwargs):
            fragments.changed("claims", f"claims:{instance.badge.issuer_id}")

        # Whose passport each of these rows shows on.
        owners = {
            Award: "recipient_id",
            Claim: "student_id",
            Goal: "user_id",
            RecognitionRequest: "student_id",
            ShareLink: "user_id",
        }

        def passport_changed(sender, instance, **kwargs):
            fragments.changed(*selectors.passport_names(getattr(instance, owners[sender])))

        for signal in (post_save, post_delete):
            signal.connect(claim_saved, sender=Claim, dispatch_uid="assessor-queue")
            for model in owners:
                signal.connect(passport_changed, sender=model, dispatch_uid="passport")
