import pytest
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils.translation import override

from partners.models import Membership
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    member,
    staff,
    with_totp,
)

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/en/dashboard/"


def _url(name):
    with override("en"):
        return reverse(name)


@pytest.fixture
def school():
    return OrganisationFactory()


@pytest.fixture
def coordinator_without_totp(school):
    user = UserFactory()
    MembershipFactory(user=user, organisation=school, role=Membership.Role.COORDINATOR)
    return user


def test_coordinator_without_authenticator_is_sent_to_totp_activation(
    client, coordinator_without_totp
):
    client.force_login(coordinator_without_totp)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response.url == _url("mfa_activate_totp")


def test_redirect_to_totp_activation_explains_why(client, coordinator_without_totp):
    client.force_login(coordinator_without_totp)

    response = client.get(DASHBOARD_URL)

    shown = [str(m) for m in messages.get_messages(response.wsgi_request)]
    assert shown == [
        "Your role requires two-factor authentication. Set up an authenticator app to continue."
    ]


def test_coordinator_with_authenticator_gets_the_dashboard(client, school):
    client.force_login(member(school, Membership.Role.COORDINATOR))

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200
    assert response.resolver_match.url_name == "dashboard"


def test_coordinator_who_adds_an_authenticator_gets_the_dashboard(client, coordinator_without_totp):
    client.force_login(coordinator_without_totp)
    assert client.get(DASHBOARD_URL).status_code == 302

    with_totp(coordinator_without_totp)
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200


def test_staff_without_authenticator_is_sent_to_totp_activation(client):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response.url == _url("mfa_activate_totp")


def test_staff_with_authenticator_gets_the_dashboard(client):
    client.force_login(staff())

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200


def test_student_without_authenticator_gets_the_dashboard(client, school):
    client.force_login(member(school, Membership.Role.STUDENT))

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200


@pytest.mark.parametrize("url_name", ["profile", "export_data", "delete_account"])
def test_student_without_authenticator_reaches_account_pages(client, school, url_name):
    client.force_login(member(school, Membership.Role.STUDENT))

    response = client.get(_url(url_name))

    assert response.status_code == 200


def test_teacher_without_authenticator_is_not_asked(client, school):
    client.force_login(member(school, Membership.Role.TEACHER))

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200


def test_coordinator_of_an_inactive_organisation_is_not_asked(client):
    closed = OrganisationFactory(is_active=False)
    user = UserFactory()
    MembershipFactory(user=user, organisation=closed, role=Membership.Role.COORDINATOR)
    client.force_login(user)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200


@pytest.mark.parametrize("url_name", ["profile", "export_data", "delete_account"])
def test_coordinator_without_authenticator_keeps_their_own_data_rights(
    client, coordinator_without_totp, url_name
):
    # Seeing, downloading and erasing one's own data does not wait for a second factor.
    client.force_login(coordinator_without_totp)

    response = client.get(_url(url_name))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url_name", ["home", "accessibility", "account_email", "mfa_index", "usersessions_list"]
)
def test_coordinator_without_authenticator_can_open_the_allowed_pages(
    client, coordinator_without_totp, url_name
):
    client.force_login(coordinator_without_totp)

    response = client.get(_url(url_name))

    assert response.status_code == 200


def test_totp_activation_page_is_reachable_without_a_redirect_loop(
    client, coordinator_without_totp
):
    # force_login leaves no record of a recent password check, so allauth first asks
    # for the password again; that page must be open too.
    client.force_login(coordinator_without_totp)

    response = client.get(_url("mfa_activate_totp"), follow=True)

    assert response.status_code == 200
    assert response.resolver_match.url_name == "account_reauthenticate"
    assert len(response.redirect_chain) == 1


def test_coordinator_without_authenticator_can_log_out(client, coordinator_without_totp):
    client.force_login(coordinator_without_totp)

    response = client.post(_url("account_logout"))

    assert response.status_code == 302
    assert response.url != _url("mfa_activate_totp")
    assert SESSION_KEY not in client.session


def test_coordinator_without_authenticator_can_switch_language(client, coordinator_without_totp):
    client.force_login(coordinator_without_totp)

    response = client.post("/i18n/setlang/", {"language": "et", "next": "/fi/"})

    assert response.status_code == 302
    assert response.url == "/et/"
    coordinator_without_totp.refresh_from_db()
    assert coordinator_without_totp.language == "et"


def test_coordinator_goes_from_login_straight_to_the_authenticator_setup(
    client, coordinator_without_totp
):
    # The password typed at login counts: no second password prompt on the way.
    response = client.post(
        "/en/accounts/login/",
        {"login": coordinator_without_totp.email, "password": PASSWORD},
        follow=True,
    )
    # The coordinator reads Finnish, so the setup page is in Finnish.
    assert response.redirect_chain[-1][0] == "/fi/accounts/2fa/totp/activate/"
    assert response.status_code == 200


def test_reauthentication_is_asked_again_once_the_login_is_old(
    client, coordinator_without_totp, settings
):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    response = client.post(
        "/en/accounts/login/",
        {"login": coordinator_without_totp.email, "password": PASSWORD},
        follow=True,
    )
    assert "/accounts/reauthenticate/" in response.redirect_chain[-1][0]
