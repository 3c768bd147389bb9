"""The learning agreement and the mobility certificate as PDF/A, in the reader's language."""

from django.utils import translation
from django.utils.translation import gettext as _

from core import pdf

from .models import Application, LearningAgreement


def _logos(application: Application) -> list[dict]:
    return [
        {"name": organisation.name, "src": src}
        for organisation in (application.home, application.host)
        if (src := pdf.image_uri(organisation.logo))
    ]


def learning_agreement(agreement: LearningAgreement, *, language: str) -> bytes:
    application = agreement.application
    with translation.override(language):
        signatures = {signature.party: signature for signature in agreement.signatures.all()}
        return pdf.render(
            "exchanges/pdf/learning_agreement.html",
            {
                "title": _("Learning agreement"),
                "agreement": agreement,
                "application": application,
                "logos": _logos(application),
                "sections": [
                    (_("Learning outcomes or units"), agreement.learning_outcomes),
                    (_("Tasks"), agreement.tasks),
                    (_("Assessment method"), agreement.assessment),
                    (_("Monitoring"), agreement.monitoring),
                    (_("Recognition at home"), agreement.recognition),
                ],
                "signatures": [
                    (label, signatures.get(party))
                    for party, label in LearningAgreement.Party.choices
                ],
            },
            archival=True,
        )


def mobility_certificate(application: Application, *, language: str) -> bytes:
    """A certificate of the period in the spirit of Europass Mobility."""
    with translation.override(language):
        return pdf.render(
            "exchanges/pdf/mobility_certificate.html",
            {
                "title": _("Certificate of a mobility period"),
                "application": application,
                "record": getattr(application, "mobility", None),
                "logos": _logos(application),
            },
            archival=True,
        )
