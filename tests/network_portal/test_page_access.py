"""Every general page for every role: who gets it, who is sent to log in."""

import pytest

from partners.models import Membership
from tests.factories import OrganisationFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role

PUBLIC = ["/en/", "/en/partners/", "/en/partners/home-school/", "/en/accessibility/"]
PERSONAL = [
    "/en/dashboard/",
    "/en/accounts/profile/",
    "/en/accounts/profile/my-data.zip",
    "/en/accounts/profile/delete/",
    "/en/accounts/sessions/",
    "/en/accounts/email/",
    "/en/accounts/password/change/",
    "/en/accounts/2fa/",
]


@pytest.fixture
def person(request):
    school = OrganisationFactory(slug="home-school")
    other = OrganisationFactory()
    company = OrganisationFactory(company=True)
    return {
        "anonymous": lambda: None,
        "student": lambda: member(school, R.STUDENT),
        "company_contact": lambda: member(company, R.COMPANY_CONTACT),
        "coordinator": lambda: member(school, R.COORDINATOR),
        "other_coordinator": lambda: member(other, R.COORDINATOR),
        "staff": staff,
    }[request.param]()


ROLES = ["anonymous", "student", "company_contact", "coordinator", "other_coordinator", "staff"]


@pytest.mark.parametrize("person", ROLES, indirect=True)
@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_open_for_everyone(client, person, url):
    if person:
        client.force_login(person)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("person", ROLES, indirect=True)
@pytest.mark.parametrize("url", PERSONAL)
def test_personal_pages_need_login_and_open_for_every_member(client, person, url):
    if person is None:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        return
    client.force_login(person)
    assert client.get(url).status_code == 200
