import pytest

from catalogue.models import Need, Service
from partners.models import Membership
from tests.factories import OrganisationFactory, member

R = Membership.Role


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school")
    company = OrganisationFactory(company=True, slug="company")
    advisor = member(school, R.ADVISOR, full_name="Antti Neuvoja")
    need = Need.objects.create(slug="safety", name_en="Safety")
    service = Service.objects.create(
        provider=school,
        title_en="Safety card",
        description_en="Training",
        form="tailored",
        language="fi",
        advisor=advisor,
    )
    service.needs.add(need)
    return {
        "school": school,
        "company": company,
        "advisor": advisor,
        "service": service,
        "contact": member(company, R.COMPANY_CONTACT),
        "need": need,
    }
