import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.utils.translation import gettext, override

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SETLANG_URL = "/i18n/setlang/"
LOGIN_URL = "/en/accounts/login/"


def _messages(response):
    return [str(m) for m in messages.get_messages(response.wsgi_request)]


def test_set_language_redirects_to_the_same_page_in_the_new_language(client):
    response = client.post(SETLANG_URL, {"language": "et", "next": "/fi/partners/"})

    assert response.status_code == 302
    assert response.url == "/et/partners/"


def test_set_language_sets_the_language_cookie(client):
    response = client.post(SETLANG_URL, {"language": "et", "next": "/fi/partners/"})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "et"


def test_set_language_saves_the_choice_for_a_logged_in_user(client):
    user = UserFactory(language="fi")
    client.force_login(user)

    client.post(SETLANG_URL, {"language": "et", "next": "/fi/partners/"})

    user.refresh_from_db()
    assert user.language == "et"


def test_set_language_does_not_log_the_person_out(client):
    client.force_login(UserFactory(language="fi"))

    client.post(SETLANG_URL, {"language": "et", "next": "/fi/partners/"})

    assert SESSION_KEY in client.session


def test_set_language_rejects_an_unknown_language_with_a_message(client):
    response = client.post(
        SETLANG_URL,
        {"language": "xx", "next": "/en/partners/"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert _messages(response) == ["That language is not available."]


def test_set_language_message_for_unknown_language_is_in_the_current_language(client):
    # No cookie and no Accept-Language: the request runs in the default language.
    response = client.post(SETLANG_URL, {"language": "xx", "next": "/fi/partners/"})

    with override(settings.LANGUAGE_CODE):
        expected = gettext("That language is not available.")
    assert _messages(response) == [expected]


def test_set_language_message_for_unknown_language_is_shown_on_the_next_page(client):
    response = client.post(
        SETLANG_URL,
        {"language": "xx", "next": "/en/partners/"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )

    assert response.redirect_chain == [("/en/partners/", 302)]
    assert "That language is not available." in response.content.decode()


def test_set_language_unknown_language_leaves_user_language_unchanged(client):
    user = UserFactory(language="lt")
    client.force_login(user)

    response = client.post(SETLANG_URL, {"language": "xx", "next": "/fi/partners/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "lt"


def test_set_language_unknown_language_sets_no_cookie(client):
    response = client.post(SETLANG_URL, {"language": "xx", "next": "/fi/partners/"})

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_set_language_unknown_language_does_not_redirect_to_another_site(client):
    response = client.post(SETLANG_URL, {"language": "xx", "next": "https://evil.example.com/"})

    assert response.status_code == 302
    assert response.url == "/"


def test_set_language_does_not_redirect_to_another_site(client):
    response = client.post(SETLANG_URL, {"language": "et", "next": "https://evil.example.com/"})

    assert response.status_code == 302
    assert "evil.example.com" not in response.url


def test_set_language_refuses_get(client):
    response = client.get(SETLANG_URL, {"language": "et", "next": "/fi/partners/"})

    assert response.status_code == 405


def test_set_language_translates_a_next_url_in_another_language_than_the_browser(client):
    response = client.post(
        SETLANG_URL,
        {"language": "et", "next": "/fi/partners/"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.url == "/et/partners/"


@pytest.fixture
def lithuanian_student():
    return UserFactory(language="lt")


def _log_in(client, user, **extra):
    return client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD, **extra})


def test_login_logs_the_person_in(client, lithuanian_student):
    response = _log_in(client, lithuanian_student)

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(lithuanian_student.pk)


def test_login_sets_the_language_cookie_to_the_persons_language(client, lithuanian_student):
    response = _log_in(client, lithuanian_student)

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "lt"


def test_login_redirects_under_the_persons_language(client, lithuanian_student):
    response = _log_in(client, lithuanian_student)

    assert response.status_code == 302
    assert response.url.startswith("/lt/")


def test_login_translates_the_next_url_into_the_persons_language(client, lithuanian_student):
    response = _log_in(client, lithuanian_student, next="/en/partners/")

    assert response.url == "/lt/partners/"


def test_failed_login_sets_no_language_cookie(client, lithuanian_student):
    response = client.post(LOGIN_URL, {"login": lithuanian_student.email, "password": "nope"})

    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert SESSION_KEY not in client.session
