"""Personal pages carry Cache-Control: private, no-store; public documents keep their own."""

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@pytest.fixture
def logged_in(client):
    client.force_login(UserFactory(language="en"))
    return client


@pytest.mark.parametrize(
    "path", ["/en/dashboard/", "/en/notifications/", "/en/partners/", "/en/accounts/profile/"]
)
def test_every_page_for_a_logged_in_person_is_private_and_not_stored(logged_in, path):
    response = logged_in.get(path)

    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_redirect_for_a_logged_in_person_is_private_too(logged_in):
    response = logged_in.post("/en/notifications/read-all/")

    assert response.status_code == 302
    assert response["Cache-Control"] == PRIVATE


def test_a_public_page_for_an_anonymous_visitor_is_left_alone(client):
    response = client.get("/en/partners/")

    assert response.status_code == 200
    assert not response.has_header("Cache-Control")


@pytest.mark.parametrize(
    "path",
    [
        "/en/exchanges/sign/not-a-real-link/",
        "/en/passport/shared/not-a-real-link/",
        "/feeds/exchanges/not-a-real-token.ics",
        "/feeds/events/not-a-real-token.ics",
    ],
)
def test_a_page_reached_through_a_personal_link_is_private_and_not_stored(path):
    response = Client(raise_request_exception=False).get(path)

    assert response["Cache-Control"] == PRIVATE


def test_a_view_that_sets_its_own_caching_keeps_it(logged_in):
    response = logged_in.get("/health/")

    assert "no-store" in response["Cache-Control"]
    assert response["Cache-Control"] != PRIVATE  # never_cache's own header


def test_public_documents_fetched_by_a_logged_in_person_keep_their_headers(logged_in):
    response = logged_in.get("/issuers/no-such-issuer/did.json")

    assert response.status_code == 404
    assert not response.has_header("Cache-Control")
