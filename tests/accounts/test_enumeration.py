"""Sign-up and password reset answer alike whether an address has an account or not;
the owner of the address is told by e-mail, in their own language."""

import pytest
from django.core import mail
from django.utils import translation

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
RESET_URL = "/en/accounts/password/reset/"


def _signup(client, email):
    return client.post(
        SIGNUP_URL,
        {"full_name": "Someone", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_signup_answers_the_same_for_a_taken_and_a_free_address(client, django_user_model):
    UserFactory(email="taken@example.org")

    taken = _signup(client, "taken@example.org")
    client.cookies.clear()
    free = _signup(client, "free@example.org")

    assert (taken.status_code, taken["Location"]) == (free.status_code, free["Location"])
    assert "already" not in taken.content.decode()
    assert User.objects.filter(email="taken@example.org").count() == 1


def test_signup_with_a_taken_address_mails_its_owner_and_not_a_confirmation(client):
    UserFactory(email="taken@example.org", language="en")

    _signup(client, "taken@example.org")

    (message,) = mail.outbox
    assert message.to == ["taken@example.org"]
    assert message.subject == "[VET network] You already have an account"
    assert "/en/accounts/password/reset/" in message.body
    assert "confirm-email" not in message.body


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(client):
    UserFactory(email="known@example.org")

    known = client.post(RESET_URL, {"email": "known@example.org"})
    unknown = client.post(RESET_URL, {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert unknown.status_code == 302
    follow = client.get(unknown["Location"]).content.decode()
    assert "not assigned to any user account" not in follow


def test_password_reset_for_an_unknown_address_mails_that_there_is_no_account(client):
    client.post(RESET_URL, {"email": "nobody@example.org"})

    (message,) = mail.outbox
    assert message.to == ["nobody@example.org"]
    assert message.subject == "[VET network] No account with this address"
    assert "There is no account with this address." in message.body
    assert "/en/accounts/signup/" in message.body


def test_account_mails_name_the_portal_not_the_host(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8101"
    client.post(RESET_URL, {"email": "nobody@example.org"})

    body = mail.outbox[0].body
    assert body.startswith("Hello from VET network portal!")
    assert "Thank you for using VET network portal!" in body


def test_mail_to_an_existing_owner_is_in_the_owners_language(client):
    """A Finnish owner gets the mail in Finnish although the sign-up page was English."""
    UserFactory(email="omistaja@example.org", language="fi")

    _signup(client, "omistaja@example.org")

    (message,) = mail.outbox
    with translation.override("fi"):
        finnish_name = str(translation.gettext("VET network"))
    assert finnish_name != "VET network"  # the catalogue has it
    assert message.subject.startswith(f"[{finnish_name}] ")
    assert "/fi/accounts/password/reset/" in message.body
    assert "/en/accounts/" not in message.body


def test_password_reset_mail_to_a_finnish_user_has_a_finnish_subject_prefix(client):
    UserFactory(email="aino@example.org", language="fi")

    client.post(RESET_URL, {"email": "aino@example.org"})

    (message,) = mail.outbox
    assert not message.subject.startswith("[VET network]")
    with translation.override("fi"):
        assert message.subject.startswith(f"[{translation.gettext('VET network')}] ")
    assert "/fi/accounts/password/reset/key/" in message.body
