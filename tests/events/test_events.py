import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Event, Registration
from partners.models import Membership
from tests.factories import OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role


def make_event(capacity=2, **fields):
    organiser = fields.pop("organiser", None) or OrganisationFactory()
    values = {
        "title": "Työelämäseminaari",
        "kind": "seminar",
        "capacity": capacity,
        "starts_at": timezone.now() + datetime.timedelta(days=3),
        "ends_at": timezone.now() + datetime.timedelta(days=3, hours=3),
    }
    values.update(fields)
    event = Event.objects.create(**values)
    event.organisers.add(organiser)
    return event


def test_places_are_confirmed_until_full_then_the_waiting_list(db):
    event = make_event(capacity=2)
    statuses = [services.register(actor=UserFactory(), event=event).status for _ in range(3)]
    assert statuses == ["confirmed", "confirmed", "waiting"]
    event.refresh_from_db()
    assert event.registered == 2


def test_a_cancellation_moves_the_waiting_list_up(db):
    event = make_event(capacity=1)
    first = services.register(actor=UserFactory(), event=event)
    waiting = services.register(actor=UserFactory(), event=event)
    services.cancel(actor=first.user, registration=first)
    waiting.refresh_from_db()
    event.refresh_from_db()
    assert waiting.status == "confirmed" and event.registered == 1


def test_registering_twice_or_after_closing_is_refused(db):
    event = make_event()
    user = UserFactory()
    services.register(actor=user, event=event)
    with pytest.raises(services.EventError):
        services.register(actor=user, event=event)
    Event.objects.filter(pk=event.pk).update(registration_closes=timezone.now())
    event.refresh_from_db()
    with pytest.raises(services.EventError) as error:
        services.register(actor=UserFactory(), event=event)
    assert error.value.code == "closed"


def test_check_in_with_the_door_code_awards_the_participation_badge(db):
    from worklife_passport.models import Award, Badge

    school = OrganisationFactory()
    coordinator = member(school, R.COORDINATOR)
    badge = Badge.objects.create(
        issuer=school, name_fi="Osallistuja", criteria_fi="x", category="work_life"
    )
    event = make_event(organiser=school, badge=badge, created_by=coordinator)
    user = UserFactory()
    services.register(actor=user, event=event)
    Event.objects.filter(pk=event.pk).update(  # the day comes
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
    )
    event.refresh_from_db()
    with pytest.raises(services.EventError):
        services.check_in(actor=user, event=event, token="wrong")
    registration = services.check_in(actor=user, event=event, token=event.checkin_token)
    assert registration.checked_in_at is not None
    assert Award.objects.get(recipient=user).source == "event"


def test_reminders_go_to_confirmed_participants_once(db):
    from notifications.models import Notification

    event = make_event(
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=22),
    )
    user = UserFactory()
    services.register(actor=user, event=event)
    services.send_reminders()
    services.send_reminders()
    assert Notification.objects.filter(kind="events.reminder", channel="in_app").count() == 1


@pytest.mark.parametrize("who", ["advisor", "coordinator", "staff"])
def test_organisers_manage_their_events(client, db, who):
    from tests.factories import staff

    school = OrganisationFactory()
    event = make_event(organiser=school)
    user = staff() if who == "staff" else member(school, getattr(R, who.upper()))
    client.force_login(user)
    assert client.get(f"/en/events/{event.pk}/edit/").status_code == 200


def test_other_people_cannot_edit_an_event(client, db):
    event = make_event()
    client.force_login(member(OrganisationFactory(), R.COORDINATOR))
    assert client.get(f"/en/events/{event.pk}/edit/").status_code == 404


def test_the_event_form_refuses_an_end_before_the_start(client, db):
    school = OrganisationFactory()
    client.force_login(member(school, R.ADVISOR))
    start = timezone.localtime() + datetime.timedelta(days=5)
    response = client.post(
        "/en/events/new/",
        {
            "title": "Seminar",
            "kind": "seminar",
            "organisers": [school.pk],
            "capacity": 10,
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "The end cannot be before the start" in response.content.decode()
    assert not Event.objects.exists()


def test_registration_page_flow_and_waiting_message(client, db):
    event = make_event(capacity=1)
    services.register(actor=UserFactory(), event=event)
    client.force_login(UserFactory())
    response = client.post(f"/en/events/{event.pk}/register/", follow=True)
    assert "You are on the waiting list" in response.content.decode()


def test_calendar_files(client, db):
    event = make_event()
    response = client.get(f"/en/events/{event.pk}/event.ics")
    assert b"BEGIN:VEVENT" in response.content and b"SUMMARY:" in response.content
    user = UserFactory()
    services.register(actor=user, event=event)
    client.force_login(user)
    page = client.post("/en/events/mine/calendar/renew/", follow=True)
    feed_url = page.context["new_feed_url"].split("testserver")[1]
    assert client.get(feed_url).content.count(b"BEGIN:VEVENT") == 1


@pytest.mark.parametrize("count", [5, 50])
def test_event_list_query_count_is_fixed(client, db, count, django_assert_num_queries):
    for _n in range(count):
        make_event()
    with django_assert_num_queries(3):
        client.get("/en/events/")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_registrations_never_exceed_capacity(round_):
    event = make_event(capacity=5)
    users = [UserFactory() for _ in range(20)]
    barrier = threading.Barrier(len(users))
    outcomes = []

    def go(user):
        try:
            barrier.wait()
            outcomes.append(services.register(actor=user, event=event).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=go, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("confirmed") == 5 and outcomes.count("waiting") == 15
    event.refresh_from_db()
    assert event.registered == 5
    assert Registration.objects.filter(event=event, status="confirmed").count() == 5


def test_organisers_add_materials_that_participants_download(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    school = OrganisationFactory()
    event = make_event(organiser=school)
    client.force_login(member(school, R.COORDINATOR))
    pdf = b"%PDF-1.7\nslides\n%%EOF\n"
    client.post(
        f"/en/events/{event.pk}/materials/",
        {"title": "Slides", "file": SimpleUploadedFile("slides.pdf", pdf)},
    )
    renamed = client.post(
        f"/en/events/{event.pk}/materials/",
        {"title": "Tool", "file": SimpleUploadedFile("tool.pdf", b"MZ\x90\x00")},
        follow=True,
    )
    assert "does not match its type" in renamed.content.decode()
    assert [m.title for m in event.materials.all()] == ["Slides"]
    material = event.materials.get()
    client.logout()
    page = client.get(f"/en/events/{event.pk}/").content.decode()
    assert f"/en/events/{event.pk}/materials/{material.pk}/" in page
    response = client.get(f"/en/events/{event.pk}/materials/{material.pk}/")
    assert b"".join(response.streaming_content) == pdf
    assert 'filename="Slides.pdf"' in response["Content-Disposition"]
    Event.objects.filter(pk=event.pk).update(is_published=False)
    assert client.get(f"/en/events/{event.pk}/materials/{material.pk}/").status_code == 404
