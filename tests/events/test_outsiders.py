"""A POST on an event or a registration outside the viewer's scope answers 404 and
changes nothing; the event form saves through the service."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from events import services
from events.models import Event, Material, Registration
from partners.models import Membership
from tests.events.test_events import make_event
from tests.factories import OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_data(organisation, **changes):
    start = timezone.localtime() + datetime.timedelta(days=5)
    data = {
        "title": "Seminar",
        "kind": "seminar",
        "organisers": [organisation.pk],
        "capacity": 10,
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "is_published": "on",
    }
    data.update(changes)
    return data


def test_an_organiser_creates_and_edits_an_event(client):
    school = OrganisationFactory()
    advisor = member(school, R.ADVISOR)
    client.force_login(advisor)
    response = client.post(reverse("events:event_create"), form_data(school))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.created_by == advisor and list(event.organisers.all()) == [school]
    response = client.post(
        reverse("events:event_edit", kwargs={"pk": event.pk}), form_data(school, title="Renamed")
    )
    event.refresh_from_db()
    assert response.status_code == 302 and event.title == "Renamed"
    assert list(
        AuditEntry.objects.filter(action__startswith="events.event").values_list(
            "action", flat=True
        )
    ) == ["events.event.updated", "events.event.created"]


def test_an_outsider_cannot_edit_an_event(client):
    event = make_event()
    outsider_school = OrganisationFactory()
    client.force_login(member(outsider_school, R.COORDINATOR))
    url = reverse("events:event_edit", kwargs={"pk": event.pk})
    assert client.post(url, form_data(outsider_school, title="Taken over")).status_code == 404
    event.refresh_from_db()
    assert event.title == "Työelämäseminaari"
    assert list(event.organisers.all()) != [outsider_school]


def test_an_outsider_cannot_add_material(client):
    event = make_event()
    client.force_login(member(OrganisationFactory(), R.COORDINATOR))
    upload = SimpleUploadedFile("slides.pdf", PDF, content_type="application/pdf")
    url = reverse("events:material_add", kwargs={"pk": event.pk})
    assert client.post(url, {"title": "Slides", "file": upload}).status_code == 404
    assert not Material.objects.exists()


def test_no_one_cancels_someone_elses_registration(client):
    event = make_event()
    registration = services.register(actor=UserFactory(), event=event)
    client.force_login(UserFactory())
    assert client.post(reverse("events:cancel", kwargs={"pk": event.pk})).status_code == 404
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_an_unpublished_event_takes_no_registration(client):
    event = make_event(is_published=False)
    client.force_login(UserFactory())
    assert client.post(reverse("events:register", kwargs={"pk": event.pk})).status_code == 404
    assert not Registration.objects.exists()


def test_the_capacity_cannot_fall_below_the_confirmed_places():
    event = make_event(capacity=2)
    organiser = member(event.organisers.get(), R.COORDINATOR)
    for _ in range(2):
        services.register(actor=UserFactory(), event=event)
    with pytest.raises(services.EventError) as error:
        services.event_save(actor=organiser, event=event, data={"capacity": 1})
    assert error.value.code == "capacity"
