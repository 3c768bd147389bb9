"""While the database cannot be reached, pages answer 503 with Retry-After, through the
whole middleware stack, with a page that needs no database."""

import json

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse():
        raise OperationalError(
            'connection to server at "127.0.0.1", port 1 failed: Connection refused'
        )

    def down():
        monkeypatch.setattr(connection, "ensure_connection", refuse)

    return down


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.fixture
def logged_in(browser):
    user = UserFactory(language="en")
    browser.force_login(user)
    return browser


def test_a_logged_in_page_answers_503_with_retry_after(logged_in, database_down):
    database_down()

    response = logged_in.get("/en/dashboard/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    with translation.override("en"):
        assert "The portal is briefly unavailable" in response.content.decode()


def test_a_logged_in_form_post_answers_503(logged_in, database_down):
    logged_in.get("/en/notifications/")
    database_down()

    response = logged_in.post("/en/notifications/read-all/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_outage_page_is_in_the_language_of_the_address(logged_in, database_down):
    database_down()

    response = logged_in.get("/fi/dashboard/")

    assert response.status_code == 503
    assert '<html lang="fi">' in response.content.decode()


def test_an_anonymous_page_whose_view_reads_the_database_answers_503(browser, database_down):
    database_down()

    response = browser.get("/en/partners/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_health_check_still_answers_503_as_json(browser, database_down):
    database_down()

    response = browser.get("/health/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["database"] == "error"


def test_other_errors_still_answer_500(browser, monkeypatch):
    from network_portal import views

    def broken(request):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "_check_database", broken)

    response = browser.get("/health/")

    assert response.status_code == 500
    assert not response.has_header("Retry-After")
