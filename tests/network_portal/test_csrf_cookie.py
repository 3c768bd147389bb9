"""The CSRF cookie is HttpOnly: scripts never read it, the token comes from the page."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(language="en"))
    return client


def page_token(body: str) -> str:
    found = re.search(r"<body data-hx-headers='([^']+)'>", body)
    assert found, "the page carries no htmx headers"
    headers = found.group(1)
    return json.loads(headers)["X-CSRFToken"]


def test_the_csrf_cookie_is_http_only(browser):
    browser.get("/en/notifications/")

    assert browser.cookies[settings.CSRF_COOKIE_NAME]["httponly"] is True


def test_an_htmx_request_with_the_token_from_the_page_is_accepted(browser):
    token = page_token(browser.get("/en/notifications/").content.decode())

    response = browser.post(
        "/en/notifications/read-all/", HTTP_X_CSRFTOKEN=token, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 302


def test_a_post_without_the_token_is_refused(browser):
    browser.get("/en/notifications/")

    assert browser.post("/en/notifications/read-all/").status_code == 403
