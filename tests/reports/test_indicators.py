"""Each indicator against the known answers of the fixture network (see conftest)."""

import datetime

import pytest
from django.utils import translation

from reports import indicators
from reports.indicators import Period, Scope

from .conftest import Q1


def figures(section):
    return dict(section.figures)


def rows(section, key):
    table = next(t for t in section.tables if t.key == key)
    return {row[0]: row[1:] for row in table.rows}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def scopes(network):
    return {
        "network": Scope(),
        "FI": Scope(country="FI"),
        "EE": Scope(country="EE"),
        "fi_school": Scope(organisation=network.fi_school),
    }


@pytest.mark.parametrize(
    ("scope", "total", "students", "graduates", "staff", "others"),
    [
        # s1 and e1 (mobilities), s2 (badge at 00:30 on 1 Jan), t1 (event), g1 and m1
        # (pair).
        ("network", 6, 3, 1, 1, 1),
        ("FI", 4, 2, 1, 0, 1),
        ("EE", 2, 1, 0, 1, 0),
        ("fi_school", 3, 2, 1, 0, 0),
    ],
)
def test_participants_who_started(scopes, scope, total, students, graduates, staff, others):
    section = indicators.participants(Q1, scopes[scope])
    assert list(figures(section).values()) == [total, students, graduates, staff, others]


def test_participants_by_gender_age_and_labour_market_status(scopes):
    section = indicators.participants(Q1, scopes["network"])
    gender = rows(section, "participants_gender")
    # Columns: woman, man, other, prefer not to say, not given, total.
    assert gender["Students"] == [1, 2, 0, 0, 0, 3]
    assert gender["Graduates"] == [0, 0, 0, 0, 1, 1]
    assert gender["Teachers and staff"] == [0, 0, 1, 0, 0, 1]
    assert gender["Total"] == [2, 2, 1, 0, 1, 6]
    age = rows(section, "participants_age")
    # Ages in 2026: s1 21, e1 20, s2 36, g1 25, t1 66, m1 54.
    assert age["Students"] == [2, 1, 0, 0, 3]
    assert age["Graduates"] == [0, 1, 0, 0, 1]
    assert age["Teachers and staff"] == [0, 0, 1, 0, 1]
    assert age["Others (companies, mentors)"] == [0, 1, 0, 0, 1]
    status = rows(section, "participants_status")
    # Student, employed, unemployed, other, not given.
    assert status["Total"] == [1, 0, 1, 0, 4, 6]


def test_someone_who_started_before_the_period_is_not_counted_again(network):
    # s3's first badge was in 2025; the one at 01:30 on 1 April Finnish time is in Q2.
    april = Period(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))
    section = indicators.participants(april, Scope())
    # Q2 brings only the student whose mobility starts on 1 April.
    assert figures(section)["Participants who started"] == 1


@pytest.mark.parametrize(
    ("scope", "outgoing", "incoming", "offers", "seats", "filled"),
    [
        ("network", 2, 2, 1, 3, 1),
        ("FI", 1, 1, 1, 3, 1),
        ("EE", 1, 1, 0, 0, 0),
        ("fi_school", 1, 0, 0, 0, 0),
    ],
)
def test_mobilities_and_offers(scopes, scope, outgoing, incoming, offers, seats, filled):
    values = list(figures(indicators.mobilities(Q1, scopes[scope])).values())
    assert values == [outgoing, incoming, offers, seats, filled]


def test_mobilities_by_country_with_days(scopes):
    section = indicators.mobilities(Q1, scopes["FI"])
    # s1: 2-27 February, both ends included.
    assert rows(section, "outgoing_country") == {"Estonia": [1, 26, 26.0]}
    # e1: planned 31 March to 10 April.
    assert rows(section, "incoming_country") == {"Estonia": [1, 11, 11.0]}
    network = indicators.mobilities(Q1, scopes["network"])
    assert rows(network, "mobility_form") == {"International exchange": [2, 37, 18.5]}


@pytest.mark.parametrize(
    ("scope", "new", "sme", "reached"),
    [
        # The Finnish micro company is new (visit, then offer); the Estonian large one
        # has had an agreement since 2025.
        ("network", 1, 1, 1),
        ("FI", 1, 1, 1),
        ("EE", 0, 0, 0),
        # For the Finnish school both are new: its visit and its first placement there.
        ("fi_school", 2, 1, 1),
    ],
)
def test_new_work_life_partners_and_smes_reached(scopes, scope, new, sme, reached):
    assert list(figures(indicators.partners(Q1, scopes[scope])).values()) == [new, sme, reached]


@pytest.mark.parametrize(
    ("scope", "awarded", "by_category", "recognised"),
    [
        ("network", 2, {"Work-life skills": [1], "Entrepreneurship": [1]}, 1),
        ("FI", 1, {"Work-life skills": [1]}, 0),
        ("EE", 1, {"Entrepreneurship": [1]}, 1),
        ("fi_school", 1, {"Work-life skills": [1]}, 0),
    ],
)
def test_badges_by_category_and_recognitions(scopes, scope, awarded, by_category, recognised):
    section = indicators.badges(Q1, scopes[scope])
    assert figures(section) == {"Badges awarded": awarded, "Recognitions granted": recognised}
    assert rows(section, "badges_category") == by_category


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("network", [2, 1, 1, 3.0, 2]),
        ("fi_school", [2, 1, 1, 3.0, 2]),
        ("EE", [0, 0, 0, "–", 0]),
    ],
)
def test_mentoring_pairs_and_feedback(scopes, scope, expected):
    assert list(figures(indicators.mentoring(Q1, scopes[scope])).values()) == expected


@pytest.mark.parametrize(
    ("scope", "held", "attendees"),
    [("network", 1, 1), ("EE", 1, 1), ("FI", 0, 0), ("fi_school", 0, 0)],
)
def test_events_and_attendees(scopes, scope, held, attendees):
    section = indicators.events(Q1, scopes[scope])
    assert figures(section) == {"Events held": held, "Attendees": attendees}


def test_period_edges_follow_finnish_days(network):
    # The event at 22:30 UTC on 31 March is on 1 April in Finland.
    first_of_april = Period(datetime.date(2026, 4, 1), datetime.date(2026, 4, 1))
    assert figures(indicators.events(first_of_april, Scope()))["Events held"] == 1
    last_of_march = Period(datetime.date(2026, 3, 31), datetime.date(2026, 3, 31))
    assert figures(indicators.events(last_of_march, Scope()))["Events held"] == 0
    # s2's badge at 22:30 UTC on 31 December belongs to 1 January.
    new_year = Period(datetime.date(2026, 1, 1), datetime.date(2026, 1, 1))
    assert figures(indicators.badges(new_year, Scope()))["Badges awarded"] == 1
    old_year = Period(datetime.date(2025, 12, 31), datetime.date(2025, 12, 31))
    assert figures(indicators.badges(old_year, Scope()))["Badges awarded"] == 0


def test_month_by_month(network):
    sections = indicators.build(Q1, Scope())
    table = sections[-1].tables[0]
    assert table.rows == [["01/2026", 0, 1], ["02/2026", 1, 1], ["03/2026", 1, 0]]


def test_the_whole_report_has_every_section(network):
    calls = []
    sections = indicators.build(Q1, Scope(), progress=lambda done, total: calls.append(done))
    assert [s.key for s in sections] == [
        "participants",
        "mobilities",
        "partners",
        "badges",
        "mentoring",
        "events",
        "monthly",
    ]
    assert calls == [1, 2, 3, 4, 5, 6]
