"""An organisation, a membership or an invitation outside the viewer's scope answers 404,
and a POST on it changes nothing: no row, no audit entry, no notice."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry
from notifications.models import Notification
from partners import services
from partners.models import Invitation, Membership, Organisation
from tests.factories import OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role


def snapshot(*models):
    """Every row of ``models``, of the audit log and of the outbox, to compare after a
    request that must change nothing."""
    return {
        model: list(model.objects.order_by("pk").values())
        for model in (*models, AuditEntry, Notification)
    }


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school")
    other = OrganisationFactory(slug="other")
    coordinator = member(school, R.COORDINATOR)
    invitation, _token = services.invitation_create(
        actor=coordinator, organisation=school, email="new@example.org", role=R.STUDENT
    )
    mail.outbox.clear()
    return {
        "school": school,
        "other": other,
        "student": member(school, R.STUDENT),
        "other_coordinator": member(other, R.COORDINATOR),
        "membership": Membership.objects.get(user=coordinator),
        "invitation": invitation,
    }


def _urls(world, slug):
    membership, invitation = world["membership"], world["invitation"]
    return {
        "edit": (reverse("partners:organisation_edit", args=[slug]), {"name_fi": "Taken"}),
        "members": (
            reverse("partners:organisation_members", args=[slug]),
            {"email": "intruder@example.org", "role": R.COORDINATOR},
        ),
        "remove": (reverse("partners:membership_remove", args=[slug, membership.pk]), {}),
        "revoke": (reverse("partners:invitation_revoke", args=[slug, invitation.pk]), {}),
        "audit": (reverse("partners:organisation_audit", args=[slug]), {}),
    }


PAGES = ["edit", "members", "remove", "revoke", "audit"]


@pytest.mark.parametrize("who", ["other_coordinator", "student"])
@pytest.mark.parametrize("page", PAGES)
def test_an_outsider_cannot_manage_an_organisation(client, world, who, page):
    url, data = _urls(world, "school")[page]
    before = snapshot(Organisation, Membership, Invitation)
    client.force_login(world[who])
    if page not in ("remove", "revoke"):
        assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    assert snapshot(Organisation, Membership, Invitation) == before
    assert not mail.outbox


@pytest.mark.parametrize("page", ["remove", "revoke"])
def test_a_manager_cannot_reach_another_organisations_rows_through_their_own(client, world, page):
    url, data = _urls(world, "other")[page]
    before = snapshot(Membership, Invitation)
    client.force_login(world["other_coordinator"])
    assert client.post(url, data).status_code == 404
    assert snapshot(Membership, Invitation) == before


def test_an_inactive_organisation_is_a_404_for_its_own_coordinator_too(client, world):
    Organisation.objects.filter(pk=world["other"].pk).update(is_active=False)
    client.force_login(world["other_coordinator"])
    for name in ("organisation_detail", "organisation_edit", "organisation_audit"):
        assert client.get(reverse(f"partners:{name}", args=["other"])).status_code == 404


def test_someone_elses_waiting_invitation_cannot_be_accepted(client, world):
    before = snapshot(Membership, Invitation)
    client.force_login(UserFactory(email="intruder@example.org"))
    url = reverse("partners:invitation_accept_waiting", args=[world["invitation"].pk])
    assert client.post(url).status_code == 404
    assert snapshot(Membership, Invitation) == before
