import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_sessions_page_lists_the_current_session_with_its_device(client, logged_in):
    client.get("/en/partners/", headers={"user-agent": "Firefox on Linux"})
    response = client.get("/en/accounts/sessions/")
    assert response.status_code == 200
    session = UserSession.objects.get(user=logged_in)
    assert session.user_agent == "Firefox on Linux"
    assert session.session_key == client.session.session_key


def test_activity_is_recorded_at_most_once_a_minute(client, logged_in):
    client.get("/en/partners/")
    first_seen = UserSession.objects.get(user=logged_in).last_seen_at
    client.get("/en/partners/")
    assert UserSession.objects.get(user=logged_in).last_seen_at == first_seen


def test_activity_after_a_minute_moves_last_seen_and_the_expiry(client, logged_in, settings):
    client.get("/en/partners/")
    session = client.session
    session["_touched"] -= 61
    session.save()
    before = Session.objects.get(session_key=session.session_key).expire_date
    seen_before = UserSession.objects.get(user=logged_in).last_seen_at
    client.get("/en/partners/")
    assert Session.objects.get(session_key=session.session_key).expire_date > before
    assert UserSession.objects.get(user=logged_in).last_seen_at > seen_before


def test_an_idle_session_ends(client, logged_in):
    from datetime import timedelta

    from django.utils import timezone

    client.get("/en/dashboard/")
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_ending_another_session_logs_that_device_out(client, logged_in):
    from django.test import Client

    other_device = Client()
    other_device.force_login(logged_in)
    other_device.get("/en/dashboard/")
    client.get("/en/dashboard/")
    other = UserSession.objects.exclude(session_key=client.session.session_key).get()
    response = client.post("/en/accounts/sessions/", {"sessions": [other.pk]})
    assert response.status_code == 302
    assert other_device.get("/en/dashboard/").status_code == 302
    assert client.get("/en/dashboard/").status_code == 200
