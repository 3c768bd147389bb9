import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from notifications.models import Notification
from partners.models import Membership
from reports import services
from reports.models import ReportExport
from tests.factories import OrganisationFactory, member

from .conftest import Q1

R = Membership.Role
URL = "/en/reports/"
Q1_QUERY = {"start": "2026-01-01", "end": "2026-03-31"}


def scope_of(network):
    return f"organisation:{network.fi_school.pk}"


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("staff", 200), ("student", 404), ("company", 404), ("anon", 302)],
)
def test_who_sees_the_dashboard(client, network, who, status):
    people = {
        "coordinator": network.coordinator,
        "staff": network.staff,
        "student": network.s1,
        "company": member(network.fi_company, R.COMPANY_CONTACT),
    }
    if who != "anon":
        client.force_login(people[who])
    assert client.get(URL).status_code == status


def test_a_coordinator_sees_their_organisation_with_tables_and_charts(client, network):
    client.force_login(network.coordinator)
    response = client.get(URL, {**Q1_QUERY, "scope": scope_of(network)})
    page = response.content.decode()
    assert response.status_code == 200
    assert network.fi_school.name in page
    # Outgoing to Estonia, as a chart and as a table with the same numbers.
    assert 'role="img" aria-label="Outgoing mobilities by host country"' in page
    assert '<th scope="row">Estonia</th>' in page
    assert '<polyline points="' in page  # month by month
    figures = {s.key: dict(s.figures) for s in response.context["sections"]}
    assert figures["mobilities"]["Outgoing mobilities started"] == 1


def test_a_coordinator_starts_from_their_own_organisation(client, network):
    client.force_login(network.coordinator)
    response = client.get(URL)
    assert response.context["scope"].organisation == network.fi_school
    today = timezone.localdate()
    assert response.context["period"].start == today.replace(month=1, day=1)


def test_a_coordinator_may_see_their_country_but_not_another_organisation(client, network):
    client.force_login(network.coordinator)
    response = client.get(URL, {**Q1_QUERY, "scope": "country:FI"})
    assert response.context["scope"].country == "FI"
    for scope in (f"organisation:{network.ee_school.pk}", "country:EE", "network"):
        response = client.get(URL, {**Q1_QUERY, "scope": scope})
        assert "You may not see reports for this scope." in response.content.decode()
        assert response.context["sections"] == []


def test_staff_see_the_whole_network_and_any_organisation(client, network):
    client.force_login(network.staff)
    response = client.get(URL, {**Q1_QUERY, "scope": "network"})
    figures = {s.key: dict(s.figures) for s in response.context["sections"]}
    assert figures["participants"]["Participants who started"] == 6
    response = client.get(URL, {**Q1_QUERY, "scope": f"organisation:{network.ee_school.pk}"})
    assert response.context["scope"].organisation == network.ee_school


def test_a_period_that_ends_before_it_starts_is_refused(client, network):
    client.force_login(network.coordinator)
    response = client.get(URL, {"start": "2026-03-31", "end": "2026-01-01"})
    page = response.content.decode()
    assert "The period ends before it starts." in page
    assert response.context["sections"] == []
    # What was typed stays in the form.
    assert 'value="2026-03-31"' in page


def test_a_badly_written_date_is_refused(client, network):
    client.force_login(network.coordinator)
    response = client.get(URL, {"start": "31.13.2026", "end": "2026-01-01"})
    assert "Enter a valid date." in response.content.decode()


@pytest.mark.parametrize("rows", [1, 12])
def test_the_dashboard_has_a_fixed_number_of_queries(
    client, network, rows, django_assert_num_queries
):
    from tests.factories import ApplicationFactory

    for _ in range(rows):
        host = OrganisationFactory(company=True, country="SE")
        ApplicationFactory(
            applicant=member(network.fi_school, R.STUDENT),
            offer__host=host,
            home=network.fi_school,
            status="completed",
            start_date=datetime.date(2026, 2, 1),
            end_date=datetime.date(2026, 2, 10),
        )
    client.force_login(network.coordinator)
    client.get(URL)  # warm the per-user caches (the unread count)
    with django_assert_num_queries(14):
        client.get(URL, {**Q1_QUERY, "scope": scope_of(network)})


def test_an_export_is_built_with_progress_and_downloaded(
    client, network, django_capture_on_commit_callbacks
):
    client.force_login(network.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/reports/exports/", {**Q1_QUERY, "scope": scope_of(network), "format": "xlsx"}
        )
    export = ReportExport.objects.get()
    assert response.url == export.get_absolute_url()
    assert export.status == "done" and export.progress == 100
    page = client.get(export.get_absolute_url()).content.decode()
    assert "The export is ready." in page
    download = client.get(reverse("reports:export_download", args=[export.pk]))
    content = b"".join(download.streaming_content)
    assert download["Content-Disposition"].endswith('.xlsx"')
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(content))
    sheet = workbook["Mobilities and offers"]
    values = [row[:2] for row in sheet.iter_rows(values_only=True)]
    assert ("Outgoing mobilities started", 1) in values


@pytest.mark.parametrize("format", ["csv", "pdf"])
def test_csv_and_pdf_exports(client, network, format, django_capture_on_commit_callbacks):
    client.force_login(network.staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/reports/exports/", {**Q1_QUERY, "scope": "network", "format": format})
    export = ReportExport.objects.get()
    content = b"".join(
        client.get(reverse("reports:export_download", args=[export.pk])).streaming_content
    )
    if format == "csv":
        text = content.decode("utf-8-sig")
        assert "Participants who started,6" in text
        assert "Estonia,1,26,26.0" in text
    else:
        assert content.startswith(b"%PDF")


def test_the_progress_shows_while_the_export_is_built(client, network):
    client.force_login(network.coordinator)
    export = ReportExport.objects.create(
        requested_by=network.coordinator,
        format="xlsx",
        language="en",
        period_start=Q1.start,
        period_end=Q1.end,
        status="running",
        progress=45,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    response = client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert '<progress id="export-progress" max="100" value="45">' in page
    assert 'data-hx-trigger="every 1s"' in page
    assert "<html" not in page  # only the fragment


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "docx"}, "Unknown export format. Choose XLSX, CSV or PDF."),
        ({"scope": "network"}, "You may not see reports for this scope."),
        ({"end": "2025-01-01"}, "The period ends before it starts."),
    ],
)
def test_bad_export_requests_are_refused(client, network, change, message):
    client.force_login(network.coordinator)
    data = {**Q1_QUERY, "scope": scope_of(network), "format": "xlsx", **change}
    response = client.post("/en/reports/exports/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReportExport.objects.exists()


def test_an_expired_export_says_so_and_its_file_is_removed(
    client, network, django_capture_on_commit_callbacks
):
    client.force_login(network.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/reports/exports/", {**Q1_QUERY, "scope": scope_of(network), "format": "csv"}
        )
    export = ReportExport.objects.get()
    name = export.file.name
    ReportExport.objects.filter(pk=export.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get(reverse("reports:export_download", args=[export.pk]))
    assert response.status_code == 410
    assert "This export has expired" in response.content.decode()
    assert services.delete_expired() == 1
    export.refresh_from_db()
    assert not export.file
    assert not export.file.storage.exists(name)


def test_only_the_requester_sees_an_export(client, network, django_capture_on_commit_callbacks):
    client.force_login(network.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/reports/exports/", {**Q1_QUERY, "scope": scope_of(network), "format": "csv"}
        )
    export = ReportExport.objects.get()
    client.force_login(member(network.fi_school, R.COORDINATOR))
    assert client.get(export.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404


def test_the_monthly_report_goes_to_each_coordinator_in_their_language(
    network, django_capture_on_commit_callbacks
):
    network.coordinator.language = "fi"
    network.coordinator.save()
    network.ee_coordinator.language = "et"
    network.ee_coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_monthly_reports(today=datetime.date(2026, 3, 1))
        # Running twice sends nothing more.
        services.send_monthly_reports(today=datetime.date(2026, 3, 1))
    assert sent == 2
    notices = Notification.objects.filter(kind="reports.monthly", channel="in_app")
    assert notices.count() == 2
    fi = next(m for m in mail.outbox if network.coordinator.email in m.to)
    assert "helmikuu 2026" in fi.subject
    # February for the Finnish school: s1 went to Estonia.
    with translation.override("fi"):
        outgoing = str(services.figure_labels()["mobilities.0"])
    assert outgoing == "Alkaneet lähtevät liikkuvuusjaksot"
    assert f"{outgoing}: 1" in fi.body
    assert "start=2026-02-01&end=2026-02-28&scope=organisation" in fi.body
    assert len([m for m in mail.outbox if network.ee_coordinator.email in m.to]) == 1


def test_an_export_survives_a_broker_that_is_down(
    client, network, monkeypatch, django_capture_on_commit_callbacks
):
    from reports import tasks

    def refuse(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.build_export, "apply_async", refuse)
    client.force_login(network.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/reports/exports/", {**Q1_QUERY, "scope": scope_of(network), "format": "csv"}
        )
    export = ReportExport.objects.get()
    assert response.status_code == 302 and export.status == "queued"
    # The broker is back; the page, still polling, hands the waiting export over again.
    monkeypatch.undo()
    ReportExport.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    export.refresh_from_db()
    assert export.status == "done"


def test_a_redelivered_message_finishes_an_export_whose_worker_died(network):
    export = ReportExport.objects.create(
        requested_by=network.coordinator,
        format="csv",
        language="en",
        period_start=Q1.start,
        period_end=Q1.end,
        status="running",
        progress=30,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert services.export_build(export.pk).status == "done"
    # A finished export is not built again.
    assert services.export_build(export.pk) is None
