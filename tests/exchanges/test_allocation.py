"""The allocation round against brute force on small cases."""

import itertools
import random

import pytest

from exchanges.allocation import blocking_pairs, stable_allocation


def all_stable(student_prefs, offer_prefs, capacity):
    students = list(student_prefs)
    options = [[None, *student_prefs[s]] for s in students]
    found = []
    for choice in itertools.product(*options):
        load = {}
        for offer in choice:
            if offer is not None:
                load[offer] = load.get(offer, 0) + 1
        if any(load[o] > capacity[o] for o in load):
            continue
        assignment = dict(zip(students, choice, strict=True))
        if any(o is not None and s not in offer_prefs[o] for s, o in assignment.items()):
            continue
        if not blocking_pairs(assignment, student_prefs, offer_prefs, capacity):
            found.append(assignment)
    return found


def position(prefs, offer):
    return prefs.index(offer) if offer in prefs else len(prefs)


def random_case(rng):
    students = [f"s{i}" for i in range(rng.randint(1, 5))]
    offers = [f"o{i}" for i in range(rng.randint(1, 3))]
    student_prefs = {s: rng.sample(offers, rng.randint(1, len(offers))) for s in students}
    offer_prefs = {}
    for o in offers:
        applicants = [s for s in students if o in student_prefs[s]]
        rng.shuffle(applicants)
        offer_prefs[o] = applicants
    capacity = {o: rng.randint(0, 2) for o in offers}
    return student_prefs, offer_prefs, capacity


@pytest.mark.parametrize("seed", range(200))
def test_result_is_stable_and_best_for_every_student(seed):
    student_prefs, offer_prefs, capacity = random_case(random.Random(seed))
    result = stable_allocation(student_prefs, offer_prefs, capacity)
    assert not blocking_pairs(result, student_prefs, offer_prefs, capacity)
    load = {}
    for offer in result.values():
        if offer is not None:
            load[offer] = load.get(offer, 0) + 1
    assert all(load[o] <= capacity[o] for o in load)
    stable = all_stable(student_prefs, offer_prefs, capacity)
    assert result in stable
    for other in stable:
        for student, prefs in student_prefs.items():
            assert position(prefs, result[student]) <= position(prefs, other[student])


def test_the_hosts_ranking_decides_between_two_students_for_one_seat():
    result = stable_allocation(
        {"anna": ["tartu"], "ben": ["tartu"]}, {"tartu": ["ben", "anna"]}, {"tartu": 1}
    )
    assert result == {"anna": None, "ben": "tartu"}


def test_a_student_gets_their_first_choice_when_it_is_free():
    result = stable_allocation(
        {"anna": ["kaunas", "tartu"]},
        {"kaunas": ["anna"], "tartu": ["anna"]},
        {"kaunas": 1, "tartu": 1},
    )
    assert result == {"anna": "kaunas"}


@pytest.mark.django_db
def test_allocation_round_accepts_the_matched_applications(world):
    from exchanges.models import Application
    from exchanges.services.allocation import allocation_apply, allocation_preview

    world.offer.seats = 1
    world.offer.save(update_fields=["seats"])
    ranked_second = world.application(status="approved", host_rank=2)
    ranked_first = world.application(status="approved", host_rank=1, applicant=world.other_student)
    preview = allocation_preview(actor=world.host_contact, offers=[world.offer])
    matched = {p.application.pk for p in preview if p.matched}
    assert matched == {ranked_first.pk}
    assert allocation_apply(actor=world.host_contact, offers=[world.offer], expected=matched) == 1
    ranked_first.refresh_from_db()
    ranked_second.refresh_from_db()
    assert ranked_first.status == Application.Status.ACCEPTED
    assert ranked_second.status == Application.Status.APPROVED


@pytest.mark.django_db
def test_allocation_round_refuses_a_stale_preview(world):
    from exchanges.errors import ExchangeError
    from exchanges.services.allocation import allocation_apply

    world.application(status="approved")
    with pytest.raises(ExchangeError):
        allocation_apply(actor=world.host_contact, offers=[world.offer], expected=set())
