"""The person's page in the admin shows their memberships and writes them through the
membership services, as the organisation's page does."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from partners.models import Membership
from tests.factories import OrganisationFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(staff())
    return client


def _person_form(person, **inline):
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "language": person.language,
        "is_active": "on",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    data.update(inline)
    return data


def test_the_person_page_lists_their_memberships(admin_client):
    person = UserFactory()
    organisation = OrganisationFactory(name_fi="Saimaan ammattiopisto")
    Membership.objects.create(user=person, organisation=organisation, role="student")
    response = admin_client.get(reverse("admin:accounts_user_change", args=[person.pk]))
    assert response.status_code == 200
    assert "Saimaan ammattiopisto" in response.content.decode()


def test_a_membership_added_on_the_person_page_is_audited(admin_client):
    person = UserFactory()
    organisation = OrganisationFactory()
    data = _person_form(
        person,
        **{
            "memberships-TOTAL_FORMS": "1",
            "memberships-0-user": str(person.pk),
            "memberships-0-organisation": str(organisation.pk),
            "memberships-0-role": "student",
        },
    )
    response = admin_client.post(reverse("admin:accounts_user_change", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(user=person, organisation=organisation)
    assert membership.role == "student"
    entry = AuditEntry.objects.get(action="partners.membership.created")
    assert entry.organisation_id == organisation.pk
