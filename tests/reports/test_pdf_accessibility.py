"""The report as a tagged PDF/UA: tables with headers, figures in the reader's locale."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reports.models import ReportExport
from tests import pdfs

Q1_QUERY = {"start": "2026-01-01", "end": "2026-03-31"}


def report_pdf(client, network, language, django_capture_on_commit_callbacks):
    client.force_login(network.staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/{language}/reports/exports/", {**Q1_QUERY, "scope": "network", "format": "pdf"}
        )
    export = ReportExport.objects.get()
    response = client.get(reverse("reports:export_download", args=[export.pk]))
    return pdfs.read(b"".join(response.streaming_content))


def test_report_is_a_tagged_pdf_ua_with_table_headers(
    client, network, django_capture_on_commit_callbacks
):
    document = report_pdf(client, network, "en", django_capture_on_commit_callbacks)
    assert document.marked and document.displays_title
    assert document.language == "en"
    assert document.title == pdfs.xmp_title(document)
    assert document.title == "Network report 01/01/2026–03/31/2026: Whole network"
    assert pdfs.pdfua(document) == "1"
    tags = document.tags()
    assert {"H1", "H2", "Table", "Caption", "THead", "TBody", "TH", "TD"} <= set(tags)
    assert tags.index("H1") < tags.index("H2") < tags.index("Table")
    assert document.figures() == ["VET network"]


def test_report_numbers_and_dates_follow_the_readers_locale(
    client, network, django_capture_on_commit_callbacks
):
    document = report_pdf(client, network, "fi", django_capture_on_commit_callbacks)
    assert document.language == "fi"
    with translation.override("fi"):
        estonia = _("Estonia")
    text = document.text()
    # Average days of the one mobility to Estonia: a decimal comma for a Finnish reader.
    assert any(line.startswith(estonia) and line.endswith("26,0") for line in text.splitlines())
    assert "26.0" not in text
    assert "1.1.2026–31.3.2026" in text
