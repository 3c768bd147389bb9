import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.models import User
from partners.models import Membership, Organisation, Sector
from partners.validators import validate_business_id

pytestmark = pytest.mark.django_db

ACCOUNTS = ["admin", "coordinator", "teacher", "student", "company", "mentor", "advisor"]


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return [m.objects.count() for m in (User, Organisation, Membership, Sector, EmailAddress)]


def test_seed_demo_is_idempotent_and_prints_the_logins():
    output = seed()
    first = counts()
    assert seed() and counts() == first
    for name in ACCOUNTS:
        assert f"{name}@demo.test" in output
    assert "demo-portal-2026" in output


def test_demo_network_is_believable():
    seed()
    schools = Organisation.objects.filter(kind__in=Organisation.SCHOOL_KINDS)
    assert schools.count() >= 12
    assert set(schools.values_list("country", flat=True)) >= {"FI", "EE", "LT", "RU"}
    companies = Organisation.objects.filter(kind=Organisation.Kind.COMPANY)
    assert companies.count() >= 30
    assert companies.filter(size_class__in=Organisation.SME_SIZES).count() > 25
    assert Organisation.objects.filter(kind=Organisation.Kind.PUBLIC_BODY).exists()
    slugs = set(Sector.objects.values_list("slug", flat=True))
    assert {
        "construction",
        "health-social-care",
        "technology",
        "hospitality",
        "logistics",
        "business-trade",
    } <= slugs
    for organisation in Organisation.objects.all():
        validate_business_id(organisation.country, organisation.business_id)


@pytest.mark.parametrize("name", ACCOUNTS)
def test_every_demo_account_can_log_in(client, name):
    seed()
    response = client.post(
        "/en/accounts/login/", {"login": f"{name}@demo.test", "password": "demo-portal-2026"}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")
