"""The learning agreement and the mobility certificate as PDF."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from network_portal.pdf import Spacer, build, facts_table, styles, text

from .models import Application, LearningAgreement


def _period(application: Application) -> str:
    return (
        f"{formats.date_format(application.start_date, 'SHORT_DATE_FORMAT')} – "
        f"{formats.date_format(application.end_date, 'SHORT_DATE_FORMAT')}"
    )


def learning_agreement(agreement: LearningAgreement) -> bytes:
    application = agreement.application
    s = styles()
    with translation.override(application.applicant.language):
        signatures = {sig.party: sig for sig in agreement.signatures.all()}
        story = [
            text(_("Learning agreement"), s["title"]),
            text(
                _("Version %(version)s · %(title)s")
                % {"version": agreement.version, "title": application.offer or application.host},
                s["small"],
            ),
            Spacer(1, 8),
            facts_table(
                [
                    (_("Participant"), application.applicant.full_name),
                    (_("Home organisation"), application.home.name),
                    (_("Host organisation"), application.host.name),
                    (_("Period"), _period(application)),
                    (_("Workplace instructor"), agreement.instructor),
                    (_("Mentor"), agreement.mentor),
                ],
                s["body"],
            ),
        ]
        for label, value in (
            (_("Learning outcomes or units"), agreement.learning_outcomes),
            (_("Tasks"), agreement.tasks),
            (_("Assessment method"), agreement.assessment),
            (_("Monitoring"), agreement.monitoring),
            (_("Recognition at home"), agreement.recognition),
        ):
            story += [text(label, s["heading"]), text(value, s["body"])]
        story.append(text(_("Signatures"), s["heading"]))
        rows = []
        for party, label in LearningAgreement.Party.choices:
            signature = signatures.get(party)
            rows.append(
                (
                    str(label),
                    f"{signature.signer_name}, "
                    f"{formats.date_format(signature.signed_at, 'SHORT_DATETIME_FORMAT')}"
                    if signature
                    else _("Not signed"),
                )
            )
        story.append(facts_table(rows, s["body"]))
        return build(story, title=_("Learning agreement"))


def certificate_facts(application: Application) -> list[tuple[str, str]]:
    """What the mobility certificate states about the period, in the active language."""
    record = getattr(application, "mobility", None)
    rows = [
        (_("Participant"), application.applicant.full_name),
        (_("Sending organisation"), application.home.name),
        (_("Host organisation"), f"{application.host.name}, {application.host.country.name}"),
        (_("Period"), _period(application)),
    ]
    if record is None:
        return rows
    if record.actual_start and record.actual_end:
        rows.append(
            (
                _("Actual dates"),
                f"{formats.date_format(record.actual_start, 'SHORT_DATE_FORMAT')} – "
                f"{formats.date_format(record.actual_end, 'SHORT_DATE_FORMAT')}",
            )
        )
    if record.arrival_reason:
        rows.append((_("Why the arrival differs from the agreed start"), record.arrival_reason))
    if record.departure_reason:
        rows.append((_("Why the departure differs from the agreed end"), record.departure_reason))
    rows.append((_("Part-time percentage"), f"{record.part_time_percent} %"))
    if record.instructor:
        rows.append((_("Workplace instructor"), record.instructor))
    if record.credits is not None:
        rows.append((_("Credits recognised"), str(record.credits)))
    return rows


def mobility_certificate(application: Application) -> bytes:
    """A certificate of the period in the spirit of Europass Mobility."""
    s = styles()
    record = getattr(application, "mobility", None)
    with translation.override(application.applicant.language):
        story = [
            text(_("Certificate of a mobility period"), s["title"]),
            facts_table(certificate_facts(application), s["body"]),
            text(_("Skills acquired"), s["heading"]),
            text((record.skills_acquired if record else "") or "–", s["body"]),
        ]
        if record and record.units_recognised:
            story += [
                text(_("Recognised at home"), s["heading"]),
                text(record.units_recognised, s["body"]),
            ]
        return build(story, title=_("Certificate of a mobility period"))
