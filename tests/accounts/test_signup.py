import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
VERIFICATION_SENT_URL = "/en/accounts/confirm-email/"


def _signup(client, url=SIGNUP_URL, **overrides):
    data = {
        "full_name": "Aino Virtanen",
        "email": "aino@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return client.post(url, data)


def _confirmation_link(message):
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def test_signup_creates_the_user_with_full_name(client):
    response = _signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="aino@example.org")
    assert user.full_name == "Aino Virtanen"


def test_signup_strips_spaces_around_the_full_name(client):
    _signup(client, full_name="  Aino Virtanen  ")

    assert User.objects.get(email="aino@example.org").full_name == "Aino Virtanen"


def test_signup_saves_the_language_of_the_page(client):
    _signup(client)

    assert User.objects.get(email="aino@example.org").language == "en"


def test_signup_on_an_estonian_page_saves_estonian(client):
    _signup(client, url="/et/accounts/signup/")

    assert User.objects.get(email="aino@example.org").language == "et"


def test_signup_stores_the_email_in_lower_case(client):
    _signup(client, email="Aino.Virtanen@Example.ORG")

    assert User.objects.filter(email="aino.virtanen@example.org").exists()


def test_signup_sends_a_confirmation_link(client):
    _signup(client)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aino@example.org"]
    assert message.subject.startswith("[VET network] ")
    assert "/en/accounts/confirm-email/" in _confirmation_link(message)


def test_signup_redirects_to_the_verification_sent_page(client):
    response = _signup(client)

    assert response.url == VERIFICATION_SENT_URL


def test_signup_does_not_log_in_before_the_address_is_verified(client):
    _signup(client)

    assert SESSION_KEY not in client.session
    address = EmailAddress.objects.get(email="aino@example.org")
    assert address.verified is False


def test_login_before_verification_does_not_log_in(client):
    _signup(client)
    mail.outbox.clear()

    response = client.post(
        "/en/accounts/login/", {"login": "aino@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == VERIFICATION_SENT_URL
    assert SESSION_KEY not in client.session


def test_following_the_confirmation_link_verifies_and_logs_in(client):
    _signup(client)
    link = _confirmation_link(mail.outbox[0])

    response = client.post(link.removeprefix("http://testserver"))

    assert response.status_code == 302
    address = EmailAddress.objects.get(email="aino@example.org")
    assert address.verified is True
    assert client.session[SESSION_KEY] == str(address.user_id)


def test_signup_with_an_existing_email_creates_no_second_user(client):
    UserFactory(email="aino@example.org", full_name="Original Owner")

    _signup(client, full_name="Someone Else")

    assert User.objects.filter(email__iexact="aino@example.org").count() == 1
    assert User.objects.get(email="aino@example.org").full_name == "Original Owner"


def test_signup_with_an_existing_email_in_other_case_creates_no_second_user(client):
    UserFactory(email="aino@example.org")

    _signup(client, email="AINO@example.org")

    assert User.objects.filter(email__iexact="aino@example.org").count() == 1


def test_signup_with_an_existing_email_answers_as_for_a_new_one_and_tells_the_owner(client):
    UserFactory(email="aino@example.org", language="en")

    response = _signup(client, full_name="Someone Else")

    assert response.status_code == 302
    assert response.url == VERIFICATION_SENT_URL
    assert [message.to for message in mail.outbox] == [["aino@example.org"]]
    assert "already belongs to an account" in mail.outbox[0].body


def test_signup_password_mismatch_shows_an_error(client):
    response = _signup(client, password2="another-horse-battery-7")

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.filter(email="aino@example.org").exists()
    assert mail.outbox == []


def test_signup_password_mismatch_keeps_full_name_and_email(client):
    response = _signup(client, password2="another-horse-battery-7")

    form = response.context["form"]
    assert form["full_name"].value() == "Aino Virtanen"
    assert form["email"].value() == "aino@example.org"
    body = response.content.decode()
    assert 'value="Aino Virtanen"' in body
    assert 'value="aino@example.org"' in body


def test_signup_password_mismatch_does_not_echo_the_passwords(client):
    response = _signup(client, password2="another-horse-battery-7")

    body = response.content.decode()
    assert PASSWORD not in body
    assert "another-horse-battery-7" not in body


def test_signup_requires_a_full_name(client):
    response = _signup(client, full_name="")

    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    assert not User.objects.filter(email="aino@example.org").exists()
