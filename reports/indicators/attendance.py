"""Events held and their attendees."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from events.models import Event

from .base import Period, Scope, Section, Table


def events(period: Period, scope: Scope) -> Section:
    held = Event.objects.filter(period.moment_q("starts_at"), is_published=True)
    organisers = scope.organisations()
    if organisers is not None:
        held = held.filter(Exists(organisers.filter(events=OuterRef("pk"))))
    attended = Q(registrations__checked_in_at__isnull=False)
    kinds = dict(Event.Kind.choices)
    table = Table(
        key="events_kind",
        title=_("Events by kind"),
        columns=[_("Kind"), _("Events"), _("Attendees")],
        chart="bars",
    )
    events_total = attendees_total = 0
    for row in (
        held.values("kind")
        .annotate(
            n=Count("pk", distinct=True),
            attendees=Count("registrations", filter=attended),
        )
        .order_by("-n", "kind")
    ):
        events_total += row["n"]
        attendees_total += row["attendees"]
        table.rows.append([str(kinds.get(row["kind"], "")), row["n"], row["attendees"]])
    return Section(
        key="events",
        title=_("Events"),
        figures=[(_("Events held"), events_total), (_("Attendees"), attendees_total)],
        tables=[table],
    )
