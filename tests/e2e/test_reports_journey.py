import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from exchanges.models import MobilityRecord
from partners.models import Membership
from reports import services
from reports.models import ReportExport
from tests.factories import ApplicationFactory, OfferFactory, OrganisationFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_filters_by_country_and_downloads_an_xlsx_export(login_as, monkeypatch):
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto", country="FI")
    coordinator = member(
        school, Membership.Role.COORDINATOR, full_name="Kaisa Koordinaattori", language="en"
    )
    offer = OfferFactory(host=OrganisationFactory(company=True, country="EE"))
    start = timezone.localdate()  # inside the default period, this year so far
    application = ApplicationFactory(
        applicant=member(school, Membership.Role.STUDENT),
        offer=offer,
        home=school,
        status="completed",
        start_date=start,
        end_date=start + datetime.timedelta(days=20),
    )
    MobilityRecord.objects.create(application=application, actual_start=start)
    # The worker is this test: it moves the export on while the browser watches.
    monkeypatch.setattr(services, "queue", lambda export: None)

    page = login_as(coordinator)
    page.goto("/en/reports/")
    page.get_by_label("Scope").select_option(label="Finland")
    page.get_by_role("button", name="Show").click()
    main = page.locator("main")
    expect(main).to_contain_text("Finland")
    expect(page.locator("#outgoing_country")).to_contain_text("Estonia")

    page.get_by_label("Format").select_option("xlsx")
    page.get_by_role("button", name="Build the export").click()
    expect(main).to_contain_text("Waiting for a worker")
    export = ReportExport.objects.get()
    assert export.country == "FI" and export.format == "xlsx"

    ReportExport.objects.filter(pk=export.pk).update(status="running", progress=40)
    progress = page.locator("#export-progress")
    expect(progress).to_have_attribute("value", "40")
    ReportExport.objects.filter(pk=export.pk).update(status="queued", progress=0)
    services.export_build(export.pk)

    link = page.get_by_role("link", name="Download (XLSX)")
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as file:
        assert file.read(2) == b"PK"  # an XLSX file is a zip archive
