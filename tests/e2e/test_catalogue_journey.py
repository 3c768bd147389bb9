import pytest

from catalogue.models import Enquiry, Need, Service
from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_company_finds_a_service_by_need_and_sends_an_enquiry(login_as):
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    advisor = member(school, Membership.Role.ADVISOR, full_name="Antti Neuvoja")
    safety = Need.objects.create(slug="safety", name_en="Occupational safety")
    Need.objects.create(slug="digital", name_en="Digital skills")
    card = Service.objects.create(
        provider=school,
        title_en="Safety card for company staff",
        description_en="Tailored training at your premises.",
        form="tailored",
        language="fi",
        place="Lappeenranta",
        advisor=advisor,
    )
    card.needs.add(safety)
    Service.objects.create(
        provider=school, title_en="Spreadsheets", description_en="x", form="course", language="fi"
    )
    company = OrganisationFactory(company=True)
    contact = member(company, Membership.Role.COMPANY_CONTACT, language="en")
    page = login_as(contact)
    page.goto("/en/catalogue/")
    page.get_by_label("Work-life need").select_option(label="Occupational safety")
    page.get_by_role("button", name="Show").click()
    results = page.locator("main section")
    assert "Spreadsheets" not in results.inner_text()
    results.get_by_role("link", name="Safety card for company staff").click()
    page.get_by_label("Your question").fill("Could you train two new employees in May?")
    page.get_by_role("button", name="Send the question").click()
    assert "Your question was sent to the advisor." in page.locator("main").inner_text()
    enquiry = Enquiry.objects.get()
    assert (enquiry.company, enquiry.status, enquiry.service) == (company, "new", card)
