"""Saved searches and applications sent twice, the dates of a period, a used signing link."""

import datetime
import re
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from exchanges import period
from exchanges.errors import AlreadyApplied, ExchangeError
from exchanges.models import (
    Application,
    LearningAgreement,
    MobilityRecord,
    SavedSearch,
    query_fingerprint,
)
from exchanges.pdf import mobility_certificate
from exchanges.services import agreements as agreement_services
from exchanges.services.applications import application_create, application_transition
from exchanges.services.mobility import mobility_update
from exchanges.services.searches import saved_search_create
from tests import pdfs

pytestmark = pytest.mark.django_db
S = Application.Status
DAY = datetime.timedelta(days=1)


# --- Saved searches -----------------------------------------------------------------


def test_the_same_search_saved_twice_is_saved_once(client, world):
    client.force_login(world.student)
    data = {"name": "Estonia", "country": "EE", "query_string": "country=EE"}
    client.post("/en/exchanges/searches/", data)
    again = client.post("/en/exchanges/searches/", {**data, "name": "Again"}, follow=True)
    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["Estonia"]
    assert "You have already saved this search as “Estonia”" in again.content.decode()


def test_the_same_filters_in_another_order_are_the_same_search(world):
    first, created = saved_search_create(
        user=world.student, name="A", query={"country": "EE", "sector": "x"}
    )
    again, created_again = saved_search_create(
        user=world.student, name="B", query={"sector": "x", "country": "EE"}
    )
    assert (created, created_again, again) == (True, False, first)
    other, created_other = saved_search_create(user=world.student, name="C", query={})
    assert created_other and other != first


def test_the_database_refuses_a_second_row_for_the_same_search(world):
    query = {"country": "EE"}
    saved_search_create(user=world.student, name="A", query=query)
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedSearch.objects.create(
            user=world.student, name="B", query=query, fingerprint=query_fingerprint(query)
        )


# --- One application per offer ------------------------------------------------------

DATA = {"motivation": "I want to learn.", "language_skills": "English B2"}


def _apply(world, offer=None):
    offer = offer or world.offer
    return application_create(
        actor=world.student,
        kind="student",
        home=world.school,
        offer=offer,
        data={**DATA, "start_date": offer.start_date, "end_date": offer.end_date},
    )


def test_a_second_application_for_the_same_offer_names_the_first(world):
    first = _apply(world)
    with pytest.raises(AlreadyApplied) as refused:
        _apply(world)
    assert refused.value.application == first
    assert Application.objects.filter(applicant=world.student).count() == 1


def test_after_withdrawing_one_may_apply_again(world):
    first = _apply(world)
    application_transition(actor=world.student, application=first, action="withdraw")
    assert _apply(world) != first


def test_the_database_refuses_a_second_live_application(world):
    world.application(status=S.SUBMITTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        world.application(status=S.DRAFT)


def test_the_apply_page_sends_an_applicant_to_the_application_they_have(client, world):
    first = _apply(world)
    client.force_login(world.student)
    page = client.get(f"/en/exchanges/offers/{world.offer.pk}/apply/", follow=True)
    assert page.redirect_chain[-1][0] == first.get_absolute_url()
    assert "You have already applied for this offer" in page.content.decode()
    posted = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        {
            **DATA,
            "home": world.school.pk,
            "start_date": world.offer.start_date.isoformat(),
            "end_date": world.offer.end_date.isoformat(),
        },
    )
    assert posted["Location"] == first.get_absolute_url()
    assert Application.objects.filter(applicant=world.student).count() == 1


def test_the_offer_page_says_you_applied_instead_of_offering_to_apply(client, world):
    application = _apply(world)
    application_transition(actor=world.student, application=application, action="submit")
    client.force_login(world.student)
    page = client.get(world.offer.get_absolute_url()).content.decode()
    assert f'href="/en/exchanges/offers/{world.offer.pk}/apply/"' not in page
    assert f'href="{application.get_absolute_url()}"' in page
    assert re.search(r"You applied on [\d/]+ — Submitted", page)
    client.force_login(world.other_student)
    other = client.get(world.offer.get_absolute_url()).content.decode()
    assert f'href="/en/exchanges/offers/{world.offer.pk}/apply/"' in other


# --- The dates of the period --------------------------------------------------------


def signed(world, start, end):
    application = world.application(status=S.AGREEMENT_SIGNED, start_date=start, end_date=end)
    Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
    application.refresh_from_db()
    return application


def move(world, application, action, **kwargs):
    return application_transition(
        actor=world.coordinator, application=application, action=action, **kwargs
    )


def test_an_arrival_before_the_agreed_start_is_refused(world):
    today = period.today()
    application = signed(world, today + 30 * DAY, today + 90 * DAY)
    with pytest.raises(ExchangeError) as refused:
        move(world, application, "arrive")
    assert refused.value.code == "before_start"
    assert "an arrival before it cannot be confirmed" in str(refused.value.message)
    application.refresh_from_db()
    assert application.status == S.AGREEMENT_SIGNED
    assert not MobilityRecord.objects.exists()


def test_before_the_start_the_page_offers_no_arrival_and_says_when(client, world):
    today = period.today()
    application = signed(world, today + 30 * DAY, today + 90 * DAY)
    client.force_login(world.coordinator)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f"/applications/{application.pk}/arrive/" not in page
    assert "The arrival can be confirmed from the agreed start" in page
    Application.objects.filter(pk=application.pk).update(start_date=today)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f"/applications/{application.pk}/arrive/" in page


def test_a_departure_before_the_arrival_is_refused(world):
    today = period.today()
    application = signed(world, today - 10 * DAY, today)
    move(world, application, "arrive", on=today - 10 * DAY)
    with pytest.raises(ExchangeError) as refused:
        move(world, application, "depart", on=today - 11 * DAY, comment="Left early")
    assert refused.value.code == "before_arrival"
    application.refresh_from_db()
    assert application.status == S.IN_PROGRESS


def test_a_day_in_the_future_is_refused(world):
    today = period.today()
    application = signed(world, today, today + 10 * DAY)
    with pytest.raises(ExchangeError) as refused:
        move(world, application, "arrive", on=today + DAY, comment="Planned")
    assert refused.value.code == "future"


def test_a_late_arrival_and_an_early_departure_need_a_reason_and_are_shown(client, world):
    today = period.today()
    application = signed(world, today - 20 * DAY, today + 20 * DAY)
    with pytest.raises(ExchangeError) as refused:
        move(world, application, "arrive", on=today - 18 * DAY)
    assert refused.value.code == "reason"
    move(world, application, "arrive", on=today - 18 * DAY, comment="The ferry was cancelled.")
    with pytest.raises(ExchangeError) as refused:
        move(world, application, "depart")
    assert refused.value.code == "reason"
    move(world, application, "depart", comment="Family reasons.")
    record = MobilityRecord.objects.get(application=application)
    assert (record.actual_start, record.actual_end) == (today - 18 * DAY, today)
    assert (record.arrival_reason, record.departure_reason) == (
        "The ferry was cancelled.",
        "Family reasons.",
    )
    client.force_login(world.student)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "The ferry was cancelled." in page and "Family reasons." in page
    application = Application.objects.select_related("mobility", "applicant", "home", "host").get(
        pk=application.pk
    )
    certificate = " ".join(
        pdfs.read(mobility_certificate(application, language="en")).text().split()
    )
    assert "Why the arrival differs from the agreed start The ferry was cancelled." in certificate
    assert "Why the departure differs from the agreed end Family reasons." in certificate


def test_on_the_agreed_days_no_reason_is_asked_nor_kept(world):
    today = period.today()
    application = signed(world, today, today)
    move(world, application, "arrive", comment="All well")
    move(world, application, "depart")
    record = MobilityRecord.objects.get(application=application)
    assert (record.actual_start, record.actual_end) == (today, today)
    assert (record.arrival_reason, record.departure_reason) == ("", "")


def test_the_record_cannot_be_corrected_to_before_the_agreed_start(world):
    today = period.today()
    application = signed(world, today - 5 * DAY, today + 20 * DAY)
    move(world, application, "arrive", on=today - 5 * DAY)
    with pytest.raises(ExchangeError) as refused:
        mobility_update(
            actor=world.coordinator,
            application=application,
            data={"actual_start": today - 6 * DAY, "arrival_reason": "Came early"},
        )
    assert refused.value.code == "before_start"
    with pytest.raises(ExchangeError):
        mobility_update(
            actor=world.coordinator, application=application, data={"actual_start": today}
        )
    mobility_update(
        actor=world.coordinator,
        application=application,
        data={"actual_start": today, "arrival_reason": "Delayed flight"},
    )
    assert MobilityRecord.objects.get(application=application).actual_start == today


def test_the_day_is_the_finnish_day_whatever_zone_is_active(world):
    # 23:30 UTC on 1 January is already 2 January in Helsinki, still 1 January in New York.
    moment = datetime.datetime(2026, 1, 1, 23, 30, tzinfo=datetime.UTC)
    application = signed(world, datetime.date(2026, 1, 2), datetime.date(2026, 1, 30))
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        timezone.override("America/New_York"),
    ):
        assert period.today() == datetime.date(2026, 1, 2)
        move(world, application, "arrive")
    assert MobilityRecord.objects.get(application=application).actual_start == datetime.date(
        2026, 1, 2
    )


# --- The host's signing link ----------------------------------------------------------

CONTENT = {
    "learning_outcomes": "Restoring wooden windows",
    "tasks": "Assist the carpenter",
    "assessment": "Demonstration at the workplace",
    "instructor": "Mart Tamm",
    "mentor": "",
    "monitoring": "Weekly call with the teacher",
    "recognition": "Unit 3 of the qualification",
}


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_used_signing_link_shows_nothing_of_the_agreement(client, world, method):
    application = world.application(status=S.ACCEPTED)
    Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
    agreement = agreement_services.agreement_save(
        actor=world.coordinator, application=application, data=CONTENT
    )
    token = agreement_services.host_signing_token(agreement)
    url = f"/en/exchanges/sign/{token}/"
    assert "Restoring wooden windows" in client.get(url).content.decode()
    signed_page = client.post(url, {"name": "Mart Tamm", "confirm": "on"})
    assert "Restoring wooden windows" not in signed_page.content.decode()
    assert agreement.signatures.filter(party=LearningAgreement.Party.HOST).exists()
    response = getattr(client, method)(url, {"name": "Someone Else", "confirm": "on"})
    page = response.content.decode()
    assert response.status_code == 410
    assert "This signing link has already been used" in page
    for text in CONTENT.values():
        if text:
            assert text not in page
    assert application.applicant.full_name not in page
    assert 'name="name"' not in page
    assert agreement.signatures.get(party=LearningAgreement.Party.HOST).signer_name == "Mart Tamm"
