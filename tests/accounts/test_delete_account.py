import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.utils.translation import gettext, override

from accounts.models import User
from core.audit import log_action
from core.models import AuditEntry
from partners.models import Invitation, Membership
from partners.services import invitation_create
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db

DELETE_URL = "/en/accounts/profile/delete/"
DASHBOARD_URL = "/en/dashboard/"


@pytest.fixture
def school():
    return OrganisationFactory(name_fi="Saimaan ammattiopisto")


@pytest.fixture
def coordinator(school):
    """A person with a membership, an authenticator and an invitation they sent."""
    user = member(school, Membership.Role.COORDINATOR, full_name="Aino Virtanen")
    invitation_create(
        actor=user, organisation=school, email="new.teacher@example.org", role="teacher"
    )
    return user


def _delete(client, user, password=PASSWORD):
    client.force_login(user)
    return client.post(DELETE_URL, {"password": password})


def test_delete_page_requires_login(client):
    response = client.get(DELETE_URL)

    assert response.status_code == 302
    assert "/en/accounts/login/" in response.url


def test_delete_page_shows_the_password_form(client):
    client.force_login(UserFactory())

    response = client.get(DELETE_URL)

    assert response.status_code == 200
    assert "password" in response.context["form"].fields


def test_delete_with_wrong_password_shows_an_error(client):
    user = UserFactory()

    response = _delete(client, user, password="not-my-password")

    assert response.status_code == 200
    assert response.context["form"].errors["password"] == ["The password is not correct."]
    assert "The password is not correct." in response.content.decode()


def test_delete_password_error_is_in_the_language_of_the_page(client):
    client.force_login(UserFactory())

    response = client.post("/fi/accounts/profile/delete/", {"password": "not-my-password"})

    with override("fi"):
        expected = gettext("The password is not correct.")
    assert response.context["form"].errors["password"] == [expected]


def test_delete_with_wrong_password_keeps_the_account(client, coordinator):
    response = _delete(client, coordinator, password="not-my-password")

    assert response.status_code == 200
    assert User.objects.filter(pk=coordinator.pk).exists()
    assert Membership.objects.filter(user=coordinator).exists()
    assert not AuditEntry.objects.filter(action="accounts.user.erased").exists()


def test_delete_with_empty_password_keeps_the_account(client):
    user = UserFactory()

    response = _delete(client, user, password="")

    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_with_right_password_deletes_the_user(client, coordinator):
    response = _delete(client, coordinator)

    assert response.status_code == 302
    assert response.url == "/en/"
    assert not User.objects.filter(pk=coordinator.pk).exists()


def test_delete_confirms_with_a_message(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(DELETE_URL, {"password": PASSWORD}, follow=True)

    assert "Your account and your personal data were deleted." in response.content.decode()


def test_delete_logs_the_person_out(client, coordinator):
    _delete(client, coordinator)

    assert SESSION_KEY not in client.session
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


def test_delete_removes_memberships(client, coordinator):
    _delete(client, coordinator)

    assert not Membership.objects.filter(user_id=coordinator.pk).exists()


def test_delete_removes_email_addresses_and_authenticators(client, coordinator):
    _delete(client, coordinator)

    assert not EmailAddress.objects.filter(user_id=coordinator.pk).exists()
    assert not Authenticator.objects.filter(user_id=coordinator.pk).exists()


def test_delete_keeps_the_persons_audit_entries_without_the_actor(client, coordinator, school):
    made = log_action(
        actor=coordinator,
        action="partners.organisation.updated",
        target=school,
        organisation=school,
    )

    _delete(client, coordinator)

    made.refresh_from_db()
    assert made.actor is None
    assert made.action == "partners.organisation.updated"
    assert made.target_repr == "Saimaan ammattiopisto"


def test_delete_removes_the_persons_name_from_entries_about_them(client, coordinator, school):
    other = member(school, Membership.Role.COORDINATOR)
    about = log_action(
        actor=other, action="partners.membership.created", target=coordinator, organisation=school
    )
    assert about.target_repr == "Aino Virtanen"

    _delete(client, coordinator)

    about.refresh_from_db()
    assert about.target_repr == ""
    assert about.actor == other


def test_delete_leaves_entries_about_other_users_alone(client, coordinator, school):
    other = member(school, Membership.Role.TEACHER, full_name="Otto Opettaja")
    about_other = log_action(
        actor=coordinator, action="partners.membership.created", target=other, organisation=None
    )

    _delete(client, coordinator)

    about_other.refresh_from_db()
    assert about_other.target_repr == "Otto Opettaja"


def test_delete_writes_an_erased_audit_entry(client, coordinator):
    _delete(client, coordinator)

    entry = AuditEntry.objects.get(action="accounts.user.erased")
    assert entry.actor is None
    assert "Aino Virtanen" not in entry.target_repr


def test_delete_keeps_invitations_the_person_sent(client, coordinator, school):
    _delete(client, coordinator)

    invitation = Invitation.objects.get(organisation=school, email="new.teacher@example.org")
    assert invitation.invited_by is None


def test_delete_removes_pending_invitations_to_the_persons_address(client, school):
    inviter = member(school, Membership.Role.COORDINATOR)
    invitee = UserFactory(email="invitee@example.org")
    invitation_create(actor=inviter, organisation=school, email=invitee.email, role="teacher")

    _delete(client, invitee)

    assert not Invitation.objects.filter(email="invitee@example.org").exists()
