import threading

import pytest
from django.db import connection

from tests.factories import OrganisationFactory, UserFactory
from worklife_passport.models import Badge, Claim
from worklife_passport.services.claims import claim_open

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_ten_simultaneous_starts_of_a_claim_make_one_claim_and_no_error():
    badge = Badge.objects.create(
        issuer=OrganisationFactory(),
        name_en="Safety",
        description_en="x",
        criteria_en="x",
        category=Badge.Category.WORK_LIFE,
    )
    student = UserFactory()
    barrier = threading.Barrier(10)
    outcomes, errors = [], []

    def start():
        try:
            barrier.wait()
            outcomes.append(claim_open(actor=student, badge=badge))
        except Exception as error:  # any error is the defect
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    claim = Claim.objects.get()
    assert {found.pk for found, _created in outcomes} == {claim.pk}
    assert [created for _found, created in outcomes].count(True) == 1
