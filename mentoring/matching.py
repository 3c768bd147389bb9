"""Scoring mentor–mentee pairs, and the optimal assignment of a matching round.

A pair's score is the sum of points per criterion, each criterion weighted by the
programme; sharing a language is required. The round maximises the total score over
the whole programme while no mentor gets more mentees than their capacity: an
assignment problem, solved exactly (scipy's linear_sum_assignment over mentor places,
with an "unmatched" place per mentee so nobody is forced into a poor pair).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

CRITERIA = ("skills", "sector", "region", "availability", "diversity")


@dataclass(frozen=True)
class Person:
    id: int
    organisation: int | None = None
    skills_offered: frozenset = field(default_factory=frozenset)
    skills_wanted: frozenset = field(default_factory=frozenset)
    sectors: frozenset = field(default_factory=frozenset)
    languages: frozenset = field(default_factory=frozenset)
    region: str = ""
    remote_ok: bool = True
    months: frozenset = field(default_factory=frozenset)
    capacity: int = 1


def _norm(values) -> frozenset:
    return frozenset(str(v).strip().lower() for v in values if str(v).strip())


#: The enrolment's fields :func:`person` reads (its sectors aside).
PERSON_FIELDS = (
    "organisation",
    "skills_offered",
    "skills_wanted",
    "languages",
    "region",
    "remote_ok",
    "months",
    "capacity",
)


def person(enrolment) -> Person:
    """The enrolment as the scoring reads it (its sectors from the prefetch, when made)."""
    return Person(
        id=enrolment.pk,
        organisation=enrolment.organisation_id,
        skills_offered=_norm(enrolment.skills_offered),
        skills_wanted=_norm(enrolment.skills_wanted),
        sectors=frozenset(sector.pk for sector in enrolment.sectors.all()),
        languages=_norm(enrolment.languages),
        region=enrolment.region.strip().lower(),
        remote_ok=enrolment.remote_ok,
        months=frozenset(int(m) for m in enrolment.months),
        capacity=enrolment.capacity,
    )


def explain(mentor: Person, mentee: Person, weights: dict, diversity: bool) -> dict | None:
    """Points per criterion, or None when the pair is not possible (no shared language)."""
    if not mentor.languages & mentee.languages or mentor.id == mentee.id:
        return None
    points = {}
    wanted = mentee.skills_wanted
    points["skills"] = (
        round(weights.get("skills", 0) * len(mentor.skills_offered & wanted) / len(wanted))
        if wanted
        else 0
    )
    points["sector"] = weights.get("sector", 0) if mentor.sectors & mentee.sectors else 0
    near = bool(mentor.region) and mentor.region == mentee.region
    points["region"] = (
        weights.get("region", 0) if near or (mentor.remote_ok and mentee.remote_ok) else 0
    )
    months = mentee.months
    points["availability"] = (
        round(weights.get("availability", 0) * len(mentor.months & months) / len(months))
        if months
        else weights.get("availability", 0)
    )
    points["diversity"] = (
        weights.get("diversity", 0)
        if diversity and mentor.organisation and mentor.organisation != mentee.organisation
        else 0
    )
    return points


def enrolment_points(programme, mentor, mentee) -> dict | None:
    """``explain`` for two enrolments, with the programme's weights."""
    return explain(person(mentor), person(mentee), programme.weights, programme.prefer_diversity)


def score(points: dict | None) -> int:
    return -1 if points is None else sum(points.values())


def _incidence(sets, index) -> np.ndarray:
    matrix = np.zeros((len(sets), max(len(index), 1)), dtype=np.int32)
    for row, values in enumerate(sets):
        for value in values:
            matrix[row, index[value]] = 1
    return matrix


def _overlap(of_mentors: list[frozenset], of_mentees: list[frozenset]) -> np.ndarray:
    """How many values each (mentee, mentor) has in common, of the sets given for each."""
    values = sorted({x for sets in (of_mentors, of_mentees) for s in sets for x in s})
    index = {v: i for i, v in enumerate(values)}
    return _incidence(of_mentees, index) @ _incidence(of_mentors, index).T


def score_matrix(
    mentors: list[Person], mentees: list[Person], weights: dict, diversity: bool
) -> np.ndarray:
    """Scores of every (mentee, mentor) at once, -1 where impossible: the same numbers as
    :func:`explain`, computed with matrices so a round of thousands stays fast."""
    w = {k: weights.get(k, 0) for k in CRITERIA}
    overlap = _overlap([m.skills_offered for m in mentors], [e.skills_wanted for e in mentees])
    wanted_count = np.array([len(e.skills_wanted) for e in mentees]).reshape(-1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        skill_points = np.where(wanted_count > 0, np.rint(w["skills"] * overlap / wanted_count), 0)

    shared_sector = _overlap([m.sectors for m in mentors], [e.sectors for e in mentees]) > 0
    shared_language = _overlap([m.languages for m in mentors], [e.languages for e in mentees]) > 0

    mentor_region = np.array([m.region for m in mentors], dtype=object)
    mentee_region = np.array([e.region for e in mentees], dtype=object)
    near = (mentee_region[:, None] == mentor_region[None, :]) & (mentor_region[None, :] != "")
    remote = (
        np.array([e.remote_ok for e in mentees])[:, None]
        & np.array([m.remote_ok for m in mentors])[None, :]
    )

    shared_months = _overlap([m.months for m in mentors], [e.months for e in mentees])
    months_count = np.array([len(e.months) for e in mentees]).reshape(-1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        availability = np.where(
            months_count > 0,
            np.rint(w["availability"] * shared_months / months_count),
            w["availability"],
        )

    mentor_org = np.array([m.organisation or 0 for m in mentors])
    mentee_org = np.array([e.organisation or 0 for e in mentees])
    different = (mentor_org[None, :] != 0) & (mentor_org[None, :] != mentee_org[:, None])

    total = (
        skill_points
        + w["sector"] * shared_sector
        + w["region"] * (near | remote)
        + availability
        + (w["diversity"] * different if diversity else 0)
    )
    same_person = (
        np.array([e.id for e in mentees])[:, None] == np.array([m.id for m in mentors])[None, :]
    )
    return np.where(shared_language & ~same_person, total, -1).astype(np.int64)


def optimal_assignment(
    mentors: list[Person],
    mentees: list[Person],
    weights: dict,
    diversity: bool,
    taken: dict[int, int] | None = None,
) -> list[tuple[int, int, int]]:
    """The (mentor id, mentee id, score) pairs that maximise the total score.

    ``taken`` counts places mentors already fill in the programme.
    """
    taken = taken or {}
    places = np.array([max(m.capacity - taken.get(m.id, 0), 0) for m in mentors], dtype=int)
    if not mentees or places.sum() == 0:
        return []
    scores = score_matrix(mentors, mentees, weights, diversity)
    impossible = -(10**9)
    per_place = np.repeat(np.where(scores < 0, impossible, scores), places, axis=1)
    owner = np.repeat(np.arange(len(mentors)), places)
    # One "stay unmatched" place per mentee, worth nothing.
    matrix = np.hstack([per_place, np.zeros((len(mentees), len(mentees)), dtype=np.int64)])
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    result = []
    for i, j in zip(rows, cols, strict=True):
        if j < per_place.shape[1] and matrix[i, j] > impossible:
            result.append((mentors[owner[j]].id, mentees[i].id, int(matrix[i, j])))
    return result
