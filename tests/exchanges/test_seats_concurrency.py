import threading

import pytest
from django.db import connection

from exchanges.errors import NoSeats
from exchanges.models import Application, PlacementOffer
from exchanges.services.applications import application_transition
from tests.factories import ApplicationFactory, OfferFactory, UserFactory, staff

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("round_", range(5))
def test_twenty_simultaneous_accepts_fill_exactly_five_seats(round_):
    offer = OfferFactory(seats=5)
    host = staff()
    applications = [
        ApplicationFactory(offer=offer, applicant=UserFactory(), status="approved")
        for _ in range(20)
    ]
    barrier = threading.Barrier(len(applications))
    outcomes = []

    def accept(application):
        try:
            barrier.wait()
            application_transition(actor=host, application=application, action="accept")
            outcomes.append("accepted")
        except NoSeats:
            outcomes.append("no seat")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("accepted") == 5
    assert outcomes.count("no seat") == 15
    assert Application.objects.filter(offer=offer, status="accepted").count() == 5
    offer.refresh_from_db()
    assert offer.seats_taken == 5
    assert offer.status == PlacementOffer.Status.FILLED


def test_the_database_refuses_more_taken_seats_than_seats():
    from django.db import IntegrityError

    offer = OfferFactory(seats=1)
    with pytest.raises(IntegrityError):
        PlacementOffer.objects.filter(pk=offer.pk).update(seats_taken=2)
