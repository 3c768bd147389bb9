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
    rows = list(
        held.values("kind")
        .annotate(n=Count("pk", distinct=True), attendees=Count("registrations", filter=attended))
        .order_by("-n", "kind")
    )
    table = Table(
        key="events_kind",
        title=_("Events by kind"),
        columns=[_("Kind"), _("Events"), _("Attendees")],
        chart="bars",
        rows=[[str(kinds.get(row["kind"], "")), row["n"], row["attendees"]] for row in rows],
    )
    return Section(
        key="events",
        title=_("Events"),
        figures=[
            (_("Events held"), sum(row["n"] for row in rows)),
            (_("Attendees"), sum(row["attendees"] for row in rows)),
        ],
        tables=[table],
    )
