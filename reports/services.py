"""Building report exports and sending the monthly report."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.audit import log_action
from notifications.services import notify
from partners.models import Membership, Organisation

from . import exports, indicators
from .indicators import Period, Scope
from .models import ReportExport

if TYPE_CHECKING:
    from accounts.models import User

log = logging.getLogger(__name__)
S = ReportExport.Status


def export_start(*, actor: User, period: Period, scope: Scope, format: str) -> ReportExport:
    """Queue an export; the reports worker builds it after the commit."""
    export = ReportExport.objects.create(
        requested_by=actor,
        format=format,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        period_start=period.start,
        period_end=period.end,
        country=scope.country,
        organisation=scope.organisation,
        expires_at=timezone.now() + datetime.timedelta(hours=settings.REPORT_EXPORT_HOURS),
    )
    log_action(
        actor=actor,
        organisation=scope.organisation,
        action="reports.export.requested",
        target=export,
        data={"format": format, "scope": scope.key, "period": str(period)},
    )
    transaction.on_commit(lambda: queue(export))
    return export


#: An export still waiting this long is handed to the workers again when its page asks.
REQUEUE_AFTER = datetime.timedelta(seconds=30)


def queue(export: ReportExport) -> None:
    """Hand the export to the reports worker; a broker that is down must not break the
    request (the export page queues it again while the user watches)."""
    from .tasks import build_export

    try:
        build_export.apply_async((str(export.pk),), retry=False)
    except Exception:
        log.warning("Broker unreachable; report export %s waits.", export.pk, exc_info=True)


def requeue_if_stuck(export: ReportExport, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    if export.status == S.QUEUED and export.created_at < now - REQUEUE_AFTER:
        queue(export)
        return True
    return False


def _progress(export: ReportExport, percent: int) -> None:
    ReportExport.objects.filter(pk=export.pk).update(progress=percent)


def export_build(export_id: UUID | str) -> ReportExport | None:
    """Compute the report and write its file, telling the page how far it has got."""
    # Running already means its worker died and the message came back (tasks are
    # acknowledged late): build it again. A finished or failed export is left alone.
    updated = ReportExport.objects.filter(pk=export_id, status__in=[S.QUEUED, S.RUNNING]).update(
        status=S.RUNNING, progress=1
    )
    if not updated:
        return None
    export = ReportExport.objects.select_related("organisation").get(pk=export_id)
    period, scope = export.period, export.scope
    try:
        with translation.override(export.language):
            sections = indicators.build(
                period,
                scope,
                progress=lambda done, total: _progress(export, round(90 * done / total)),
            )
            content = exports.WRITERS[export.format](sections, period, scope)
        export.file.save(export.filename, ContentFile(content), save=False)
    except Exception as error:
        log.exception("Report export %s failed", export.pk)
        ReportExport.objects.filter(pk=export.pk).update(status=S.FAILED, error=str(error))
        raise
    export.status = S.DONE
    export.progress = 100
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "finished_at"])
    return export


def delete_expired(*, now: datetime.datetime | None = None) -> int:
    """Remove the files of expired exports (the rows stay, so a late link says why)."""
    now = now or timezone.now()
    removed = 0
    for export in ReportExport.objects.filter(expires_at__lte=now).exclude(file=""):
        export.file.delete(save=False)
        ReportExport.objects.filter(pk=export.pk).update(file="")
        removed += 1
    # Rows older than a month are of no use to anyone.
    ReportExport.objects.filter(expires_at__lte=now - datetime.timedelta(days=30)).delete()
    return removed


def previous_month(today: datetime.date) -> Period:
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return Period(end.replace(day=1), end)


def send_monthly_reports(*, today: datetime.date | None = None) -> int:
    """E-mail each organisation's coordinators last month's key figures."""
    period = previous_month(today or timezone.localdate())
    sent = 0
    coordinators = Membership.objects.filter(
        role=Membership.Role.COORDINATOR, user__is_active=True
    ).select_related("user", "organisation")
    by_organisation: dict[int, list] = {}
    for membership in coordinators:
        by_organisation.setdefault(membership.organisation_id, []).append(membership)
    for organisation in Organisation.objects.filter(pk__in=by_organisation, is_active=True):
        scope = Scope(organisation=organisation)
        figures = monthly_figures(period, scope)
        for membership in by_organisation[organisation.pk]:
            notify(
                kind="reports.monthly",
                key=f"reports.monthly:{organisation.pk}:{period.start:%Y-%m}:{membership.user_id}",
                recipient=membership.user,
                context={
                    "organisation": organisation.name,
                    "month": period.start.isoformat(),
                    "figures": figures,
                    "link": {"name": "reports:dashboard", "query": monthly_query(period, scope)},
                },
            )
            sent += 1
    return sent


#: The figures the monthly e-mail shows: (section, index of the figure, label).
MONTHLY_FIGURES = [
    ("participants", 0, _("Participants who started")),
    ("mobilities", 0, _("Outgoing mobilities started")),
    ("mobilities", 1, _("Incoming mobilities started")),
    ("mobilities", 2, _("Offers published")),
    ("partners", 0, _("New work-life partners")),
    ("partners", 2, _("SMEs reached")),
    ("badges", 0, _("Badges awarded")),
    ("badges", 1, _("Recognitions granted")),
    ("mentoring", 0, _("Pairs active")),
    ("events", 0, _("Events held")),
    ("events", 1, _("Attendees")),
]


def monthly_figures(period: Period, scope: Scope) -> list[list]:
    """The monthly e-mail's numbers as ``[key, value]``; the labels are added when the
    e-mail is rendered, in each recipient's language."""
    sections = {compute.__name__: compute(period, scope) for compute in indicators.SECTIONS}
    return [
        [f"{key}.{index}", sections[key].figures[index][1]] for key, index, _l in MONTHLY_FIGURES
    ]


def figure_labels() -> dict[str, StrOrPromise]:
    return {f"{key}.{index}": label for key, index, label in MONTHLY_FIGURES}


def monthly_query(period: Period, scope: Scope) -> str:
    return urlencode(
        {"start": period.start.isoformat(), "end": period.end.isoformat(), "scope": scope.key}
    )
