"""Kept fragments of pages (core/fragments.py): cheaper the second time, and
never stale after a change made through the services or the pages."""

import datetime
import re
import string

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.crypto import get_random_string

from exchanges.models import Application
from mentoring.models import Meeting, Pair
from notifications import services as notices
from partners.models import Membership
from partners.services import organisation_update
from tests.exchanges.conftest import World as ExchangeWorld
from tests.factories import OfferFactory, OrganisationFactory, member
from tests.mentoring.conftest import World as MentoringWorld
from tests.notifications.conftest import accepted_context
from tests.worklife_passport.conftest import Passport
from worklife_passport.services.awards import code_create
from worklife_passport.services.claims import claim_start, claim_transition, claim_update

pytestmark = pytest.mark.django_db
S = Application.Status
OFFERS = "/en/exchanges/"
DIRECTORY = "/en/partners/"
QUEUE = "/en/exchanges/queue/"
PASSPORT = "/en/passport/"
CATALOGUE = "/en/passport/badges/"
ASSESS = "/en/passport/assess/"


@pytest.fixture
def exchange(db):
    return ExchangeWorld()


@pytest.fixture
def passport(db):
    return Passport()


@pytest.fixture
def mentoring(db):
    return MentoringWorld()


def logged_in(user, **options):
    client = Client(**options)
    client.force_login(user)
    return client


def part(body, start, end):
    """The text of ``body`` from ``start`` to the first ``end`` after it."""
    begin = body.index(start)
    return body[begin : body.index(end, begin)]


def results(client, url=OFFERS):
    return part(read(client, url), '<section id="results"', "</section>")


def queue_rows(client, url=QUEUE):
    return part(read(client, url), "<tbody>", "</tbody>")


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def kept(client, url):
    """Open ``url`` so that its fragments are kept: twice, as a personal fragment is kept
    only once the reader has a CSRF cookie, which the first visit gives."""
    read(client, url)
    return read(client, url)


def counted(client, url):
    with CaptureQueriesContext(connection) as queries:
        body = read(client, url)
    return len(queries), body


def active_pair(world):
    return Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status="active",
        origin="round",
        started_at=timezone.now(),
    )


def approved(exchange, application=None):
    application = application or exchange.application(status=S.SUBMITTED)
    logged_in(exchange.coordinator).post(f"/en/exchanges/applications/{application.pk}/approve/")
    application.refresh_from_db()
    assert application.status == S.APPROVED
    return application


def notify(user, n=0):
    notices.notify(
        kind="partners.invitation_accepted",
        key=f"fragments:{user.pk}:{n}",
        recipient=user,
        context=accepted_context(),
    )


BELL = '<span class="bell-count" aria-hidden="true">'


# --- Kept or not ----------------------------------------------------------------------


@pytest.mark.parametrize("url", [DIRECTORY, OFFERS])
def test_a_kept_list_costs_fewer_queries_the_second_time_and_reads_the_same(
    client, exchange, url, settings
):
    seconds, settings.FRAGMENT_SECONDS = settings.FRAGMENT_SECONDS, 0
    read(client, url)  # fills the caches that are not fragments (the filters' countries)
    settings.FRAGMENT_SECONDS = seconds
    first_count, first = counted(client, url)
    second_count, second = counted(client, url)
    assert second_count < first_count
    section = '<section id="results"'
    assert part(second, section, "</section>") == part(first, section, "</section>")


@pytest.mark.parametrize("url", [DIRECTORY, OFFERS])
def test_with_no_fragment_seconds_nothing_is_kept(client, exchange, url, fresh_fragments):
    read(client, url)  # fills the caches that are not fragments (the filters' countries)
    first_count, _first = counted(client, url)
    second_count, _second = counted(client, url)
    assert first_count > 0
    assert second_count == first_count


# --- Changes show at once -------------------------------------------------------------


def test_a_newly_published_offer_shows_in_the_kept_offer_list_at_once(client, exchange):
    draft = OfferFactory(
        host=exchange.company, title="Carpentry in Tartu", status="draft", published_at=None
    )
    assert "Carpentry in Tartu" not in results(client)
    logged_in(exchange.host_contact).post(f"/en/exchanges/offers/{draft.pk}/submit/")
    draft.refresh_from_db()
    assert draft.status == "published"
    assert "Carpentry in Tartu" in results(client)


def test_accepting_an_application_changes_the_free_seats_in_the_kept_offer_list(client, exchange):
    application = approved(exchange)
    assert "2 of 2 seats free" in results(client)
    logged_in(exchange.host_contact).post(f"/en/exchanges/applications/{application.pk}/accept/")
    application.refresh_from_db()
    assert application.status == S.ACCEPTED
    shown = results(client)
    assert "1 of 2 seats free" in shown and "2 of 2 seats free" not in shown


def test_an_approval_shows_in_the_coordinators_kept_queue_at_once(exchange):
    application = exchange.application(status=S.SUBMITTED)
    coordinator = logged_in(exchange.coordinator)
    before = queue_rows(coordinator)
    assert "Submitted" in before and "Approved by the home school" not in before
    coordinator.post(f"/en/exchanges/applications/{application.pk}/approve/")
    after = queue_rows(coordinator)
    assert "Approved by the home school" in after and "Submitted" not in after


def test_a_new_partnership_agreement_clears_the_warning_in_the_kept_queue_at_once(exchange):
    from exchanges.models import PartnershipAgreement

    exchange.application(status=S.SUBMITTED)
    coordinator = logged_in(exchange.coordinator)
    assert "No partnership agreement" in queue_rows(coordinator)
    today = timezone.localdate()
    agreement = PartnershipAgreement.objects.create(
        title="Construction exchanges",
        status=PartnershipAgreement.Status.ACTIVE,
        valid_from=today - datetime.timedelta(days=30),
        valid_until=today + datetime.timedelta(days=365),
    )
    agreement.parties.add(exchange.school, exchange.company)
    assert "No partnership agreement" not in queue_rows(coordinator)


def test_an_approved_application_shows_in_the_hosts_kept_queue_at_once(exchange):
    application = exchange.application(status=S.SUBMITTED)
    host = logged_in(exchange.host_contact)
    assert "Sanni Opiskelija" not in queue_rows(host)
    approved(exchange, application)
    assert "Sanni Opiskelija" in queue_rows(host)


def test_a_submitted_claim_shows_in_the_assessors_kept_queue_at_once(passport):
    teacher = logged_in(passport.teacher)
    assert "Sanni Opiskelija" not in kept(teacher, ASSESS)
    claim = claim_start(actor=passport.student, badge=passport.badge)
    claim_update(actor=passport.student, claim=claim, data={"narrative": "I served customers."})
    claim_transition(actor=passport.student, claim=claim, action="submit")
    rows = part(read(teacher, ASSESS), "<tbody>", "</tbody>")
    assert "Sanni Opiskelija" in rows and "Customer service basics" in rows


def test_a_new_award_shows_in_the_kept_passport_at_once(passport):
    student = logged_in(passport.student)
    earned = 'id="earned-title"'
    assert "Customer service basics" not in part(kept(student, PASSPORT), earned, "</section>")
    passport.award()
    assert "Customer service basics" in part(read(student, PASSPORT), earned, "</section>")


def test_a_logged_meeting_shows_on_the_kept_pair_page_at_once(mentoring):
    pair = active_pair(mentoring)
    mentor = logged_in(mentoring.mentor_user)
    url = f"/en/mentoring/pairs/{pair.pk}/"
    assert "No meetings logged yet." in kept(mentor, url)
    today = timezone.localdate().isoformat()
    mentor.post(f"{url}meetings/", {"date": today, "minutes": 45, "notes": "Welding basics"})
    assert Meeting.objects.filter(pair=pair, minutes=45).exists()
    page = read(mentor, url)
    assert "45 min" in page and "No meetings logged yet." not in page


def test_a_new_goal_shows_on_the_kept_pair_page_at_once(mentoring):
    pair = active_pair(mentoring)
    mentee = logged_in(mentoring.mentee_user)
    url = f"/en/mentoring/pairs/{pair.pk}/"
    assert "No goals yet." in kept(mentee, url)
    mentee.post(f"{url}goals/", {"text": "Weld a T-joint", "progress": 10})
    assert pair.goals.filter(text="Weld a T-joint").exists()
    page = read(mentee, url)
    assert "Weld a T-joint" in page and "No goals yet." not in page


def test_a_renamed_organisation_shows_in_the_kept_directory_at_once(client):
    school = OrganisationFactory(name_fi="Vanha Opisto")
    coordinator = member(school, Membership.Role.COORDINATOR)
    assert "Vanha Opisto" in results(client, DIRECTORY)
    organisation_update(actor=coordinator, organisation=school, data={"name_fi": "Uusi Opisto"})
    shown = results(client, DIRECTORY)
    assert "Uusi Opisto" in shown and "Vanha Opisto" not in shown


def test_a_new_notice_raises_the_kept_bell_count_at_once(exchange):
    student = logged_in(exchange.student)
    notify(exchange.student, 0)
    assert f"{BELL}1<" in read(student, DIRECTORY)
    notify(exchange.student, 1)
    assert f"{BELL}2<" in read(student, DIRECTORY)


def test_marking_all_read_clears_the_kept_bell_count_at_once(exchange):
    student = logged_in(exchange.student)
    notify(exchange.student)
    assert f"{BELL}1<" in read(student, DIRECTORY)
    assert student.post("/en/notifications/read-all/").status_code == 302
    assert BELL not in read(student, DIRECTORY)


# --- Personal fragments ---------------------------------------------------------------


def test_only_the_reader_who_set_the_goal_sees_it_marked_in_the_kept_catalogue(passport):
    student = logged_in(passport.student)
    student.post(f"/en/passport/badges/{passport.badge.pk}/goal/")
    assert ">Your goal<" in read(student, CATALOGUE)
    assert ">Your goal<" not in read(logged_in(passport.other_student), CATALOGUE)


def test_a_coordinator_of_another_school_does_not_see_the_kept_queue_of_the_first(exchange):
    exchange.application(status=S.SUBMITTED)
    assert "Sanni Opiskelija" in queue_rows(logged_in(exchange.coordinator))
    assert "Sanni Opiskelija" not in queue_rows(logged_in(exchange.other_coordinator))


# --- CSRF -----------------------------------------------------------------------------

REDEEM_TOKEN = re.compile(
    r'action="/en/passport/redeem/"[^>]*>\s*'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)


def test_a_kept_passport_is_rendered_afresh_for_a_new_csrf_cookie_and_its_token_works(
    passport,
):
    code = code_create(
        actor=passport.coordinator,
        badge=passport.badge,
        label="Fair",
        max_uses=5,
        expires_at=timezone.now() + datetime.timedelta(hours=2),
    )
    student = logged_in(passport.student, enforce_csrf_checks=True)
    old_token = REDEEM_TOKEN.search(kept(student, PASSPORT)).group(1)
    secret = get_random_string(32, string.ascii_letters + string.digits)
    student.cookies[settings.CSRF_COOKIE_NAME] = secret
    token = REDEEM_TOKEN.search(read(student, PASSPORT)).group(1)
    stale = student.post("/en/passport/redeem/", {"csrfmiddlewaretoken": old_token})
    assert stale.status_code == 403  # what a page kept for the old cookie would give
    response = student.post(
        "/en/passport/redeem/", {"csrfmiddlewaretoken": token, "code": code.code}
    )
    assert response.status_code == 302
