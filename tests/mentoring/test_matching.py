import itertools
import random

import pytest

from mentoring.matching import Person, explain, optimal_assignment, score, score_matrix

WEIGHTS = {"skills": 40, "sector": 20, "region": 15, "availability": 15, "diversity": 10}


def test_points_per_criterion_explain_the_score():
    mentor = Person(
        id=1,
        organisation=1,
        skills_offered=frozenset({"welding", "safety"}),
        sectors=frozenset({3}),
        languages=frozenset({"fi"}),
        region="kymenlaakso",
        remote_ok=False,
        months=frozenset({1, 2, 3}),
    )
    mentee = Person(
        id=2,
        organisation=2,
        skills_wanted=frozenset({"welding", "excel"}),
        sectors=frozenset({3}),
        languages=frozenset({"fi", "en"}),
        region="kymenlaakso",
        remote_ok=False,
        months=frozenset({2, 3, 4, 5}),
    )
    points = explain(mentor, mentee, WEIGHTS, diversity=True)
    assert points == {"skills": 20, "sector": 20, "region": 15, "availability": 8, "diversity": 10}
    assert score(points) == 73


def test_no_shared_language_makes_a_pair_impossible():
    mentor = Person(id=1, languages=frozenset({"lt"}))
    mentee = Person(id=2, languages=frozenset({"fi"}))
    assert explain(mentor, mentee, WEIGHTS, diversity=False) is None


def test_remote_meetings_count_as_near():
    mentor = Person(id=1, languages=frozenset({"fi"}), region="a", remote_ok=True)
    mentee = Person(id=2, languages=frozenset({"fi"}), region="b", remote_ok=True)
    assert explain(mentor, mentee, WEIGHTS, False)["region"] == 15
    far = Person(id=3, languages=frozenset({"fi"}), region="b", remote_ok=False)
    assert explain(mentor, far, WEIGHTS, False)["region"] == 0


def random_people(rng, count, start, mentor):
    skills = ["a", "b", "c", "d"]
    return [
        Person(
            id=start + i,
            organisation=rng.randint(1, 3),
            skills_offered=frozenset(rng.sample(skills, 2)) if mentor else frozenset(),
            skills_wanted=frozenset() if mentor else frozenset(rng.sample(skills, 2)),
            sectors=frozenset(rng.sample([1, 2, 3], 1)),
            languages=frozenset(rng.sample(["fi", "et", "en"], rng.randint(1, 2))),
            region=rng.choice(["x", "y", ""]),
            remote_ok=rng.random() < 0.5,
            months=frozenset(rng.sample(range(1, 13), rng.randint(0, 4))),
            capacity=rng.randint(0, 2),
        )
        for i in range(count)
    ]


def brute_force_best(mentors, mentees, weights, diversity):
    options = []
    for mentee in mentees:
        choices = [None] + [
            m for m in mentors if explain(m, mentee, weights, diversity) is not None
        ]
        options.append(choices)
    best = 0
    for assignment in itertools.product(*options):
        load = {}
        for mentor in assignment:
            if mentor is not None:
                load[mentor.id] = load.get(mentor.id, 0) + 1
        if any(load[m.id] > m.capacity for m in mentors if m.id in load):
            continue
        total = sum(
            score(explain(m, e, weights, diversity))
            for m, e in zip(assignment, mentees, strict=True)
            if m is not None
        )
        best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(60))
def test_the_round_finds_the_optimum_found_by_brute_force(seed):
    rng = random.Random(seed)
    mentors = random_people(rng, rng.randint(1, 3), 100, mentor=True)
    mentees = random_people(rng, rng.randint(1, 5), 200, mentor=False)
    diversity = rng.random() < 0.5
    result = optimal_assignment(mentors, mentees, WEIGHTS, diversity)
    per_mentor = {}
    for mentor_id, mentee_id, value in result:
        per_mentor[mentor_id] = per_mentor.get(mentor_id, 0) + 1
        mentor = next(m for m in mentors if m.id == mentor_id)
        mentee = next(e for e in mentees if e.id == mentee_id)
        assert value == score(explain(mentor, mentee, WEIGHTS, diversity))
    assert all(per_mentor[m.id] <= m.capacity for m in mentors if m.id in per_mentor)
    assert len({mentee for _m, mentee, _v in result}) == len(result)
    assert sum(v for _m, _e, v in result) == brute_force_best(mentors, mentees, WEIGHTS, diversity)


def test_places_already_taken_reduce_capacity():
    mentor = Person(id=1, languages=frozenset({"fi"}), capacity=2)
    mentees = [Person(id=10 + i, languages=frozenset({"fi"})) for i in range(3)]
    assert len(optimal_assignment([mentor], mentees, WEIGHTS, False, taken={1: 1})) == 1


@pytest.mark.parametrize("seed", range(5))
def test_the_matrix_agrees_with_the_explanations(seed):
    rng = random.Random(seed)
    mentors = random_people(rng, 8, 100, mentor=True)
    mentees = random_people(rng, 8, 200, mentor=False)
    matrix = score_matrix(mentors, mentees, WEIGHTS, True)
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            assert matrix[i, j] == score(explain(mentor, mentee, WEIGHTS, True))
