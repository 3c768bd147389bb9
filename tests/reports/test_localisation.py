"""Numbers for the browser are never localised; the figures people read always are."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from reports import charts
from reports.indicators import Table
from reports.models import ReportExport
from tests.network_portal.machine_numbers import localised_machine_numbers, machine_numbers

from .conftest import Q1

LANGUAGES = ["fi", "sv", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_draws_its_charts_with_plain_numbers(client, network, language):
    client.force_login(network.coordinator)
    scope = f"organisation:{network.fi_school.pk}"
    query = {"start": "2026-01-01", "end": "2026-03-31", "scope": scope}
    page = client.get(f"/{language}/reports/", query).content.decode()
    drawn = {tag for tag, _attribute, _value in machine_numbers(page)}
    assert {"svg", "rect", "text", "line", "polyline", "circle"} <= drawn
    assert localised_machine_numbers(page) == []
    # 26 days in Estonia, shown to people as a decimal in their language.
    assert '<td class="num">26,0</td>' in page


def render_chart(table: Table, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "reports/_chart.html", {"chart": charts.chart(table), "title": table.title}
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_bars_are_plain_numbers_and_their_values_are_localised(language):
    table = Table("days", "Days", ["Country", "Days"], [["Viro", 1.5], ["Latvia", 3]], "bars")
    html = render_chart(table, language)
    assert localised_machine_numbers(html) == []
    assert 'width="180.0"' in html and 'dx="360.0"' in html
    assert "<title>Viro: 1,5</title>" in html
    assert 'class="chart-value">1,5</text>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_are_plain_numbers_and_their_scale_is_localised(language):
    rows = [["01/2026", 2.5], ["02/2026", 0.5], ["03/2026", 1]]
    html = render_chart(Table("m", "M", ["Month", "Days"], rows, "lines"), language)
    assert localised_machine_numbers(html) == []
    assert 'cx="40.0" cy="10.0"' in html
    assert 'class="chart-label">2,5</text>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_export_progress_is_a_plain_number(client, network, language):
    client.force_login(network.coordinator)
    export = ReportExport.objects.create(
        requested_by=network.coordinator,
        format="xlsx",
        language=language,
        period_start=Q1.start,
        period_end=Q1.end,
        status="running",
        progress=45,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    with translation.override(language):
        url = export.get_absolute_url()
    page = client.get(url).content.decode()
    assert ("progress", "value", "45") in machine_numbers(page)
    assert localised_machine_numbers(page) == []
