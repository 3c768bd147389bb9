import datetime

import pytest
from django.utils import timezone

from core.errors import DomainError
from exchanges.errors import ExchangeError, IllegalMove, NotAllowed
from exchanges.models import PlacementOffer
from exchanges.services.offers import offer_create, offer_transition, offer_update
from tests.factories import SectorFactory

pytestmark = pytest.mark.django_db
OS = PlacementOffer.Status


def data(**changes):
    start = timezone.localdate() + datetime.timedelta(days=60)
    values = {
        "title": "Carpentry placement",
        "description": "Join our team.",
        "sector": SectorFactory(),
        "form": "international_exchange",
        "city": "Tartu",
        "country": "EE",
        "start_date": start,
        "end_date": start + datetime.timedelta(days=30),
        "seats": 3,
        "languages": ["en", "et"],
        "deadline": start - datetime.timedelta(days=10),
    }
    values.update(changes)
    return values


def test_a_companys_first_offer_waits_for_review(world):
    offer = offer_create(actor=world.host_contact, host=world.company, data=data())
    PlacementOffer.objects.exclude(pk=offer.pk).update(published_at=None)  # no earlier offers
    offer = offer_transition(actor=world.host_contact, offer=offer, action="submit")
    assert offer.status == OS.REVIEW
    with pytest.raises(NotAllowed):
        offer_transition(actor=world.host_contact, offer=offer, action="approve")
    with pytest.raises(DomainError):
        offer_transition(actor=world.coordinator, offer=offer, action="send_back")
    offer = offer_transition(actor=world.coordinator, offer=offer, action="approve")
    assert offer.status == OS.PUBLISHED and offer.published_at is not None


def test_a_company_with_a_published_offer_publishes_directly(world):
    # world.offer is already published for this company.
    offer = offer_create(actor=world.host_contact, host=world.company, data=data())
    assert offer_transition(actor=world.host_contact, offer=offer, action="submit").status == (
        OS.PUBLISHED
    )


def test_a_school_publishes_its_own_places_directly(world):
    offer = offer_create(actor=world.coordinator, host=world.school, data=data())
    assert offer_transition(actor=world.coordinator, offer=offer, action="submit").status == (
        OS.PUBLISHED
    )


@pytest.mark.parametrize(
    "who", ["student", "teacher", "other_company_contact", "other_coordinator"]
)
def test_only_the_hosts_people_post_offers(world, who):
    with pytest.raises(NotAllowed):
        offer_create(actor=world.person(who), host=world.company, data=data())
    assert PlacementOffer.objects.count() == 1


def test_dates_in_the_wrong_order_are_refused(world):
    start = timezone.localdate() + datetime.timedelta(days=60)
    with pytest.raises(ExchangeError):
        offer_create(
            actor=world.host_contact,
            host=world.company,
            data=data(start_date=start, end_date=start - datetime.timedelta(days=1)),
        )


def test_a_deadline_in_the_past_cannot_be_published(world):
    offer = offer_create(
        actor=world.host_contact,
        host=world.company,
        data=data(deadline=timezone.localdate() - datetime.timedelta(days=1)),
    )
    with pytest.raises(ExchangeError) as error:
        offer_transition(actor=world.host_contact, offer=offer, action="submit")
    assert error.value.code == "deadline"
    offer.refresh_from_db()
    assert offer.status == OS.DRAFT


def test_flexible_offer_needs_a_duration(world):
    with pytest.raises(ExchangeError):
        offer_create(
            actor=world.host_contact,
            host=world.company,
            data=data(start_date=None, end_date=None, duration_weeks=None),
        )
    offer = offer_create(
        actor=world.host_contact,
        host=world.company,
        data=data(start_date=None, end_date=None, duration_weeks=6),
    )
    assert offer.duration_weeks == 6


def test_seats_cannot_go_below_those_taken(world):
    PlacementOffer.objects.filter(pk=world.offer.pk).update(seats_taken=2)
    world.offer.refresh_from_db()
    with pytest.raises(ExchangeError):
        offer_update(actor=world.host_contact, offer=world.offer, data={"seats": 1})


def test_closing_and_archiving(world):
    offer = offer_transition(actor=world.host_contact, offer=world.offer, action="close")
    assert offer.status == OS.CLOSED
    offer = offer_transition(actor=world.host_contact, offer=offer, action="archive")
    assert offer.status == OS.ARCHIVED
    with pytest.raises(IllegalMove):
        offer_transition(actor=world.host_contact, offer=offer, action="reopen")
