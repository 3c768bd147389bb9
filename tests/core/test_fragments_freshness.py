"""Kept fragments are fresh because their dependencies are derived (core/fragments.py,
core/tables.py): every fragment of every page is rendered, the tables its SQL read are
taken from the render itself, and a write to each of them, whichever way it is made,
retires the fragment."""

import datetime
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.template import RequestContext, Template
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import timezone

from catalogue.models import Need, Service
from core import fragments, tables
from events.models import Event
from exchanges.models import Application, PartnershipAgreement
from exchanges.services.offers import offer_update
from mentoring import models as mentoring_models
from mentoring.models import Meeting, Pair
from tests.exchanges.conftest import World as ExchangeWorld
from tests.factories import SectorFactory
from tests.mentoring.conftest import World as MentoringWorld
from tests.worklife_passport.conftest import Passport
from worklife_passport.models import (
    Claim,
    Goal,
    Pathway,
    PathwayRule,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)

pytestmark = pytest.mark.django_db
S = Application.Status


def logged_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def drawn(monkeypatch):
    """The fragments rendered (not found kept) since the last ``clear()``, with the
    tables each read."""
    seen: dict[str, frozenset[str]] = {}
    real = fragments.draw

    def spy(name, render, **options):
        html, read_now = real(name, render, **options)
        seen[name] = seen.get(name, frozenset()) | read_now
        return html, read_now

    monkeypatch.setattr(fragments, "draw", spy)
    return seen


# --- Every page with kept fragments, with rows in every table its fragments read -------


def _exchanges():
    world = ExchangeWorld()
    world.application(status=S.SUBMITTED, offer=world.offer)
    sector = SectorFactory()
    world.school.sectors.add(sector)
    today = timezone.localdate()
    agreement = PartnershipAgreement.objects.create(
        title="Old exchanges",
        status=PartnershipAgreement.Status.ACTIVE,
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=30),
    )
    agreement.parties.add(world.school, world.other_company)
    event = Event.objects.create(
        title="Työelämäseminaari",
        kind="seminar",
        capacity=5,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=3),
    )
    event.organisers.add(world.school)
    return world


def _passport():
    world = Passport()
    award = world.award()
    safety = world.make_badge(name_en="Safety at work", name_fi="Työturvallisuus")
    need = SkillNeed.objects.create(
        organisation=world.company, text="Safety first", sector=SectorFactory()
    )
    safety.sectors.add(need.sector)
    world.school.sectors.add(need.sector)
    Goal.objects.create(user=world.student, badge=safety)
    pathway = Pathway.objects.create(
        name="Business studies", recognised_by=world.school, recognition="5 ECTS credits"
    )
    PathwayRule.objects.create(pathway=pathway).badges.add(world.badge, safety)
    RecognitionRequest.objects.create(student=world.student, pathway=pathway)
    link = ShareLink.objects.create(
        user=world.student, label="Employer", expires_at=timezone.now() + datetime.timedelta(days=9)
    )
    link.awards.add(award)
    need.badges.add(safety)
    claim = Claim.objects.create(student=world.other_student, badge=world.badge)
    Claim.objects.filter(pk=claim.pk).update(
        status=Claim.Status.SUBMITTED, submitted_at=timezone.now()
    )
    return world


def _shared_passport():
    _passport()
    return None, f"/en/passport/shared/{ShareLink.objects.get(label='Employer').token}/"


def _pair(status="active"):
    world = MentoringWorld()
    pair = Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=status,
        origin="round",
        started_at=timezone.now(),
    )
    world.programme.coordinators.add(world.coordinator)
    world.programme.badge = Passport.make_badge(world, name_en="Mentor")
    world.programme.save()
    today = timezone.localdate()
    Meeting.objects.create(pair=pair, date=today, minutes=30, logged_by=world.mentor_user)
    mentoring_models.Goal.objects.create(pair=pair, text="Weld a T-joint", progress=10)
    mentoring_models.Feedback.objects.create(pair=pair, author=world.mentee_user, rating=5)
    mentoring_models.PairEvent.objects.create(
        pair=pair, actor=world.coordinator, action="start", from_status="accepted", to_status=status
    )
    return world, pair


def _catalogue():
    world = _exchanges()
    service = Service.objects.create(
        provider=world.school, title_fi="Hitsauskurssi", form="course", language="fi"
    )
    service.needs.add(Need.objects.create(name_fi="Hitsaus"))
    return None, "/en/catalogue/"


def _pair_page():
    world, pair = _pair()
    return world.mentee_user, f"/en/mentoring/pairs/{pair.pk}/"


#: Each page with kept fragments: how to build its world (the reader, the address), and
#: the fragments it keeps.
PAGES = {
    "home, anonymous": (lambda: (_exchanges() and None, "/en/"), {"home:panels"}),
    "home, student": (lambda: (_exchanges().student, "/en/"), {"home:panels"}),
    "partner directory": (
        lambda: (_exchanges() and None, "/en/partners/"),
        {"partners:directory-filters", "partners:directory"},
    ),
    "offer list": (
        lambda: (_exchanges() and None, "/en/exchanges/"),
        {"exchanges:offer-filters", "exchanges:offers"},
    ),
    "coordinator queue": (
        lambda: (_exchanges().coordinator, "/en/exchanges/queue/"),
        {"exchanges:queue-filters", "exchanges:queue"},
    ),
    "badge catalogue": (
        lambda: (_passport().student, "/en/passport/badges/"),
        {"passport:catalogue-filters", "passport:catalogue"},
    ),
    "training catalogue": (_catalogue, {"catalogue:service-filters"}),
    "passport": (lambda: (_passport().student, "/en/passport/"), {"passport:passport"}),
    "shared passport": (_shared_passport, {"passport:shared"}),
    "assessor queue": (
        lambda: (_passport().teacher, "/en/passport/assess/"),
        {"passport:assessor-queue"},
    ),
    "mentoring pair page": (_pair_page, {"mentoring:pair"}),
}


def _kept(client, url, drawn):
    """Open ``url`` until none of its fragments is rendered: a first render learns what
    a fragment reads, and a personal one is kept once the reader has the CSRF cookie
    that the first answer gives."""
    for _attempt in range(4):
        drawn.clear()
        read(client, url)
        if not drawn:
            return
    raise AssertionError(f"{url}: {set(drawn)} is never kept")


def _page(name, drawn):
    """The reader, their client, the address and what each fragment of the page read
    when it was first rendered; the fragments are kept when it returns."""
    build, names = PAGES[name]
    reader, url = build()
    client = logged_in(reader)
    drawn.clear()
    read(client, url)
    found = dict(drawn)
    assert set(found) == names, name
    _kept(client, url, drawn)
    return reader, client, url, found


# --- Writes, three ways ---------------------------------------------------------------


def _model(table):
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table == table and not model._meta.proxy:
            return model
    raise AssertionError(f"no model for {table}")


def _row(model, reader):
    """A row of ``model`` that is not the reader's own account."""
    rows = model._base_manager.order_by("-pk")
    if reader is not None and model is type(reader):
        rows = rows.exclude(pk=reader.pk)
    row = rows.first()
    assert row is not None, f"{model._meta.db_table} has no row to write"
    return row


def _field(model):
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    return (fields or [model._meta.pk])[0]


def write_by_update(model, row):
    field = _field(model)
    model._base_manager.filter(pk=row.pk).update(**{field.attname: F(field.attname)})


def write_by_raw_sql(model, row):
    quote = connection.ops.quote_name
    column = quote(_field(model).column)
    # Names of the portal's own tables, quoted: nothing from outside goes into the SQL.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {column} = {column} WHERE "  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql + f"{quote(model._meta.pk.column)} = %s", [row.pk])


WAYS = {"update": write_by_update, "raw SQL": write_by_raw_sql}


def _retired(client, url, drawn, name):
    drawn.clear()
    read(client, url)
    return name in drawn


@pytest.mark.parametrize("page", PAGES)
def test_every_way_of_writing_a_table_a_fragment_read_retires_the_fragment(page, drawn):
    reader, client, url, found = _page(page, drawn)
    for name, read_tables in sorted(found.items()):
        assert read_tables, f"{page}: {name} read no table"
        for table in sorted(read_tables):
            model = _model(table)
            row = _row(model, reader)
            for way, write in WAYS.items():
                _kept(client, url, drawn)
                write(model, row)
                assert _retired(client, url, drawn, name), f"{name} kept after {way} on {table}"
            # The row deleted, then put back with bulk_create (foreign keys are checked
            # at commit): each statement retires the fragment. Without some rows (the
            # pair itself) the page is not found at all, and nothing of it is kept.
            _kept(client, url, drawn)
            model._base_manager.filter(pk=row.pk)._raw_delete(connection.alias)
            drawn.clear()
            if client.get(url).status_code == 200:
                assert name in drawn, f"{name} kept after DELETE on {table}"
                _kept(client, url, drawn)
            model._base_manager.bulk_create([row])
            assert _retired(client, url, drawn, name), f"{name} kept after INSERT on {table}"


def test_the_pages_above_hold_every_fragment_the_templates_keep():
    in_templates = set()
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        in_templates |= set(re.findall(r'{% fragment \S+ "([^"]+)"', path.read_text()))
    assert in_templates == set().union(*(names for _build, names in PAGES.values()))


# --- What the hand-kept lists of names missed ------------------------------------------


def test_a_badge_awarded_without_a_signal_shows_the_endorse_form_on_the_kept_pair_page(drawn):
    world, pair = _pair(status="completed")
    mentee = logged_in(world.mentee_user)
    url = f"/en/mentoring/pairs/{pair.pk}/"
    _kept(mentee, url, drawn)
    assert ">Endorse<" not in read(mentee, url)
    Pair.objects.filter(pk=pair.pk).update(badge_awarded=True)
    assert ">Endorse<" in read(mentee, url)


def test_a_renamed_person_shows_under_the_new_name_on_the_kept_pair_page(drawn):
    world, pair = _pair()
    mentee = logged_in(world.mentee_user)
    url = f"/en/mentoring/pairs/{pair.pk}/"
    _kept(mentee, url, drawn)
    world.mentor_user.full_name = "Maija Uusinimi"
    world.mentor_user.save(update_fields=["full_name"])
    page = read(mentee, url)
    assert "Maija Uusinimi" in page and "Maija Mentori" not in page


def test_a_renamed_offer_shows_under_the_new_title_in_the_kept_coordinator_queue(drawn):
    world = ExchangeWorld()
    world.application(status=S.SUBMITTED, offer=world.offer)
    coordinator = logged_in(world.coordinator)
    _kept(coordinator, "/en/exchanges/queue/", drawn)
    offer_update(actor=world.host_contact, offer=world.offer, data={"title": "Welding in Tartu"})
    assert "Welding in Tartu" in read(coordinator, "/en/exchanges/queue/")


# --- One round trip, and the menu ------------------------------------------------------


def test_a_kept_fragment_costs_one_cache_round_trip_and_no_query(drawn, monkeypatch):
    from django.core.cache import caches
    from django.test.utils import CaptureQueriesContext

    _exchanges()
    client = Client()
    _kept(client, "/en/exchanges/", drawn)
    shared = caches["shared"]
    calls, inside = [], []

    def spied(method):
        real = getattr(shared, method)

        def call(keys, *args, **kwargs):
            # Only the calls the portal makes: locmem's get_many calls get in turn.
            if "fragments:" in repr(keys) and not inside:
                calls.append(method)
            inside.append(method)
            try:
                return real(keys, *args, **kwargs)
            finally:
                inside.pop()

        return call

    for method in ("get", "get_many", "set", "set_many", "add", "delete", "has_key"):
        monkeypatch.setattr(shared, method, spied(method))
    with CaptureQueriesContext(connection) as warm:
        read(client, "/en/exchanges/")
    calls.clear()
    with CaptureQueriesContext(connection) as served:
        read(client, "/en/exchanges/")
    assert not drawn
    assert calls == ["get_many", "get_many"]  # the filters and the list
    assert len(served) == len(warm)
    assert not any("exchanges_placementoffer" in q["sql"] for q in served.captured_queries)


def test_a_pages_own_menu_items_do_not_show_on_other_pages():
    from tests.factories import UserFactory

    user = UserFactory()
    request = RequestFactory().get("/en/partners/")
    request.user = user
    request.resolver_match = resolve("/en/partners/")
    request.htmx = False
    own = Template('{% extends "base.html" %}{% block nav_items %}<li>Only here</li>{% endblock %}')
    other = Template('{% extends "base.html" %}')
    assert "<li>Only here</li>" in own.render(RequestContext(request))
    assert "Only here" not in other.render(RequestContext(request))


def test_write_statements_name_their_tables_and_reads_do_not():
    assert tables.written('UPDATE "exchanges_placementoffer" SET "title" = %s') == [
        "exchanges_placementoffer"
    ]
    assert tables.written('INSERT INTO "accounts_user" ("email") VALUES (%s)') == ["accounts_user"]
    assert tables.written(' DELETE FROM "mentoring_pair" WHERE "id" = 1') == ["mentoring_pair"]
    assert tables.written('TRUNCATE "mentoring_goal", "mentoring_meeting" CASCADE') == [
        "mentoring_goal",
        "mentoring_meeting",
    ]
    assert tables.written('SELECT * FROM "mentoring_pair" FOR UPDATE') == []
    assert tables.read(
        'SELECT 1 FROM "mentoring_pair" INNER JOIN "accounts_user" ON (1) '
        'WHERE EXTRACT(YEAR FROM "mentoring_pair"."started_at") = 2026'
    ) == {"mentoring_pair", "accounts_user"}
