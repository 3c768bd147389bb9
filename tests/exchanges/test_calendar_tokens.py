"""Calendar feed tokens are kept only as hashes; the address is shown once."""

import hashlib
import re

import pytest

from exchanges.models import CalendarFeed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/exchanges/applications/"
RENEW = "/en/exchanges/calendar/renew/"


def feed_address(body: str) -> str:
    match = re.search(r"<code>http://testserver(/feeds/exchanges/[^<]+\.ics)</code>", body)
    return match.group(1) if match else ""


@pytest.fixture
def person(client):
    user = UserFactory(language="en")
    client.force_login(user)
    return user


def test_the_database_keeps_a_hash_of_the_token_not_the_token(client, person):
    address = feed_address(client.post(RENEW, follow=True).content.decode())
    token = address.removeprefix("/feeds/exchanges/").removesuffix(".ics")

    feed = CalendarFeed.objects.get(user=person)
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(CalendarFeed.objects.filter(user=person).values().get())


def test_the_address_is_shown_once_when_made_and_then_works(client, person):
    made = client.post(RENEW, follow=True).content.decode()
    address = feed_address(made)
    assert address

    later = client.get(PAGE).content.decode()
    assert feed_address(later) == ""
    assert "Renew the address" in later
    assert client.get(address).status_code == 200


def test_renewing_shows_the_new_address_once_and_retires_the_old(client, person):
    old = feed_address(client.post(RENEW, follow=True).content.decode())

    new = feed_address(client.post(RENEW, follow=True).content.decode())

    assert new and new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
