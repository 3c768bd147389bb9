import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from core.errors import NotAllowed
from core.models import AuditEntry
from partners import services
from partners.models import Invitation, Membership
from partners.selectors import invitation_by_token
from partners.services import InvitationError
from tests.factories import OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def school():
    return OrganisationFactory(name_fi="Järvenrannan ammattiopisto")


@pytest.fixture
def coordinator(school):
    return member(school, R.COORDINATOR, full_name="Kaisa Koordinaattori", language="fi")


def invite(coordinator, school, email="newcomer@example.org", role=R.STUDENT, **kwargs):
    with_commit = kwargs.pop("commit", True)
    if with_commit:
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            return services.invitation_create(
                actor=coordinator, organisation=school, email=email, role=role, **kwargs
            )
    return services.invitation_create(
        actor=coordinator, organisation=school, email=email, role=role, **kwargs
    )


def test_invitation_is_mailed_in_the_senders_language_with_a_working_link(coordinator, school):
    invitation, token = invite(coordinator, school, language="en")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["newcomer@example.org"]
    assert "Järvenrannan ammattiopisto" in message.subject
    assert f"http://127.0.0.1:8000/en/partners/invitations/{token}/" in message.body
    assert invitation_by_token(token) == invitation
    # Only a hash is stored.
    assert token not in invitation.token_hash


def test_invitation_creation_is_audited(coordinator, school):
    invitation, _token = invite(coordinator, school)
    entry = AuditEntry.objects.get(action="partners.invitation.created")
    assert entry.actor == coordinator
    assert entry.organisation == school
    assert entry.target_id == str(invitation.pk)


def test_rolled_back_invitation_sends_nothing(coordinator, school):
    from django.db import transaction

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        services.invitation_create(
            actor=coordinator, organisation=school, email="x@example.org", role=R.STUDENT
        )
        raise Boom
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_student_cannot_invite(school):
    student = member(school, R.STUDENT)
    with pytest.raises(InvitationError):
        invite(student, school)
    assert not Invitation.objects.exists()


def test_coordinator_cannot_invite_a_role_the_organisation_does_not_have(coordinator, school):
    with pytest.raises(InvitationError):
        invite(coordinator, school, role=R.COMPANY_CONTACT)


def test_second_pending_invitation_to_the_same_address_and_role_is_refused(coordinator, school):
    invite(coordinator, school)
    with pytest.raises(InvitationError) as error:
        invite(coordinator, school, email="NEWCOMER@example.org")
    assert error.value.code == "duplicate"


def test_inviting_an_existing_member_to_the_same_role_is_refused(coordinator, school):
    student = member(school, R.STUDENT)
    with pytest.raises(InvitationError) as error:
        invite(coordinator, school, email=student.email)
    assert error.value.code == "member"


def test_invitee_with_the_invited_address_gets_the_membership(coordinator, school):
    invitation, _token = invite(coordinator, school)
    invitee = UserFactory(email="newcomer@example.org")
    mail.outbox.clear()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        membership = services.invitation_accept(actor=invitee, invitation=invitation)
    assert membership.user == invitee and membership.role == R.STUDENT
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert invitation.accepted_by == invitee
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"partners.membership.created", "partners.invitation.accepted"} <= actions
    # The inviter hears about it, in their own language (Finnish).
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    subject = mail.outbox[0].subject
    assert invitee.full_name in subject
    assert "accepted your invitation" not in subject
    assert "/fi/partners/" in mail.outbox[0].body


def test_reused_invitation_is_refused(coordinator, school):
    invitation, _token = invite(coordinator, school)
    invitee = UserFactory(email="newcomer@example.org")
    services.invitation_accept(actor=invitee, invitation=invitation)
    with pytest.raises(InvitationError) as error:
        services.invitation_accept(actor=invitee, invitation=invitation)
    assert error.value.code == "used"
    assert Membership.objects.filter(user=invitee).count() == 1


def test_expired_invitation_is_refused(coordinator, school):
    invitation, _token = invite(coordinator, school)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    invitee = UserFactory(email="newcomer@example.org")
    with pytest.raises(InvitationError) as error:
        services.invitation_accept(actor=invitee, invitation=invitation)
    assert error.value.code == "expired"
    assert not Membership.objects.filter(user=invitee).exists()


def test_invitation_for_another_address_is_refused(coordinator, school):
    invitation, _token = invite(coordinator, school)
    stranger = UserFactory(email="someone-else@example.org")
    with pytest.raises(InvitationError) as error:
        services.invitation_accept(actor=stranger, invitation=invitation)
    assert error.value.code == "wrong_email"
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


def test_unverified_address_does_not_count(coordinator, school):
    invitation, _token = invite(coordinator, school)
    invitee = UserFactory(email="newcomer@example.org", verified=False)
    with pytest.raises(InvitationError):
        services.invitation_accept(actor=invitee, invitation=invitation)


def test_revoked_invitation_is_refused(coordinator, school):
    invitation, _token = invite(coordinator, school)
    services.invitation_revoke(actor=coordinator, invitation=invitation)
    invitee = UserFactory(email="newcomer@example.org")
    with pytest.raises(InvitationError) as error:
        services.invitation_accept(actor=invitee, invitation=invitation)
    assert error.value.code == "revoked"


def test_only_managers_revoke_invitations(coordinator, school):
    invitation, _token = invite(coordinator, school)
    with pytest.raises(NotAllowed):
        services.invitation_revoke(actor=member(school, R.TEACHER), invitation=invitation)


def test_invitation_link_page_tells_an_expired_link_apart(client, coordinator, school):
    invitation, token = invite(coordinator, school)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    response = client.get(f"/en/partners/invitations/{token}/")
    assert response.status_code == 200
    assert "This invitation has expired" in response.content.decode()


def test_unknown_invitation_link_is_a_404_with_an_explanation(client):
    response = client.get("/en/partners/invitations/not-a-real-token/")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_accepting_through_the_link_needs_login(client, coordinator, school):
    _invitation, token = invite(coordinator, school)
    response = client.post(f"/en/partners/invitations/{token}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_accepting_through_the_link_with_the_wrong_account_shows_why(client, coordinator, school):
    _invitation, token = invite(coordinator, school)
    client.force_login(UserFactory(email="other@example.org"))
    response = client.post(f"/en/partners/invitations/{token}/", follow=True)
    assert "This invitation was sent to another e-mail address" in response.content.decode()
    assert not Membership.objects.filter(role=R.STUDENT).exists()


def test_dashboard_offers_and_accepts_invitations_for_the_persons_address(
    client, coordinator, school
):
    invitation, _token = invite(coordinator, school)
    invitee = UserFactory(email="newcomer@example.org")
    client.force_login(invitee)
    dashboard = client.get("/en/dashboard/").content.decode()
    assert "Invitations for you" in dashboard
    response = client.post(f"/en/partners/invitations/{invitation.pk}/accept/")
    assert response.status_code == 302
    assert Membership.objects.filter(user=invitee, organisation=school, role=R.STUDENT).exists()


def test_dashboard_accept_of_someone_elses_invitation_is_refused(client, coordinator, school):
    invitation, _token = invite(coordinator, school)
    client.force_login(UserFactory(email="intruder@example.org"))
    response = client.post(f"/en/partners/invitations/{invitation.pk}/accept/")
    assert response.status_code == 404
    assert not Membership.objects.filter(role=R.STUDENT).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_accepts_create_one_membership(coordinator, school):
    invitation, _token = invite(coordinator, school, commit=False)
    invitee = UserFactory(email="newcomer@example.org")
    barrier = threading.Barrier(4)
    outcomes = []

    def accept():
        try:
            barrier.wait()
            services.invitation_accept(actor=invitee, invitation=invitation)
            outcomes.append("ok")
        except InvitationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "used", "used", "used"]
    assert Membership.objects.filter(user=invitee, role=R.STUDENT).count() == 1


def test_invitee_without_an_account_signs_up_verifies_and_accepts(client, coordinator, school):
    import re

    _invitation, token = invite(coordinator, school, email="uusi@example.org", language="en")
    page = client.get(f"/en/partners/invitations/{token}/").content.decode()
    assert "/en/accounts/signup/?next=" in page
    mail.outbox.clear()
    client.post(
        f"/en/accounts/signup/?next=/en/partners/invitations/{token}/",
        {
            "full_name": "Uusi Opiskelija",
            "email": "uusi@example.org",
            "password1": "a-long-and-fine-passphrase-7",
            "password2": "a-long-and-fine-passphrase-7",
        },
    )
    link = re.search(r"https?://\S+(/en/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    client.post(link.group(1))
    response = client.post(f"/en/partners/invitations/{token}/")
    assert response.status_code == 302
    assert Membership.objects.filter(
        user__email="uusi@example.org", organisation=school, role=R.STUDENT
    ).exists()
