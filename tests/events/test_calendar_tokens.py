"""The events calendar feed keeps only a hash of its token; the address is shown once."""

import hashlib
import re

import pytest

from events.models import CalendarFeed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/events/mine/"
RENEW = "/en/events/mine/calendar/renew/"


def feed_address(body: str) -> str:
    match = re.search(r"<code>http://testserver(/feeds/events/[^<]+\.ics)</code>", body)
    return match.group(1) if match else ""


@pytest.fixture
def person(client):
    user = UserFactory(language="en")
    client.force_login(user)
    return user


def test_looking_at_the_page_makes_no_address(client, person):
    body = client.get(PAGE).content.decode()

    assert feed_address(body) == ""
    assert not CalendarFeed.objects.filter(user=person).exists()


def test_the_address_is_shown_once_and_only_its_hash_is_kept(client, person):
    address = feed_address(client.post(RENEW, follow=True).content.decode())
    token = address.removeprefix("/feeds/events/").removesuffix(".ics")

    assert CalendarFeed.objects.get(user=person).token_hash == (
        hashlib.sha256(token.encode()).hexdigest()
    )
    assert feed_address(client.get(PAGE).content.decode()) == ""
    assert client.get(address).status_code == 200


def test_renewing_retires_the_old_address(client, person):
    old = feed_address(client.post(RENEW, follow=True).content.decode())
    new = feed_address(client.post(RENEW, follow=True).content.decode())

    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
