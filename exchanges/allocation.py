"""Stable matching with capacities for oversubscribed offers.

Students propose (deferred acceptance, Gale–Shapley): the result is stable — no student
and offer would both rather have each other than what they got — and, of all stable
results, the best one for every student at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Mapping, Sequence


def stable_allocation(
    student_prefs: Mapping[Hashable, Sequence[Hashable]],
    offer_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacity: Mapping[Hashable, int],
) -> dict[Hashable, Hashable | None]:
    """Assign each student at most one offer.

    ``student_prefs[s]`` lists offers best first; ``offer_prefs[o]`` lists the students
    the offer would take, best first (students not listed are not acceptable);
    ``capacity[o]`` is the number of free seats.
    """
    rank = {o: {s: i for i, s in enumerate(prefs)} for o, prefs in offer_prefs.items()}
    next_choice = dict.fromkeys(student_prefs, 0)
    held: dict[Hashable, list[Hashable]] = {o: [] for o in offer_prefs}
    free = deque(student_prefs)
    while free:
        student = free.popleft()
        prefs = student_prefs[student]
        if next_choice[student] >= len(prefs):
            continue  # has asked every offer on their list
        offer = prefs[next_choice[student]]
        next_choice[student] += 1
        if offer not in rank or student not in rank[offer] or capacity.get(offer, 0) <= 0:
            free.append(student)
            continue
        held[offer].append(student)
        if len(held[offer]) > capacity[offer]:
            held[offer].sort(key=rank[offer].__getitem__)
            free.append(held[offer].pop())
    result: dict[Hashable, Hashable | None] = dict.fromkeys(student_prefs)
    for offer, students in held.items():
        for student in students:
            result[student] = offer
    return result


def blocking_pairs(
    assignment: Mapping[Hashable, Hashable | None],
    student_prefs: Mapping[Hashable, Sequence[Hashable]],
    offer_prefs: Mapping[Hashable, Sequence[Hashable]],
    capacity: Mapping[Hashable, int],
) -> list[tuple[Hashable, Hashable]]:
    """Pairs that would both rather be together: empty when ``assignment`` is stable."""
    rank = {o: {s: i for i, s in enumerate(prefs)} for o, prefs in offer_prefs.items()}
    taken: dict[Hashable, list[Hashable]] = {o: [] for o in offer_prefs}
    for student, offer in assignment.items():
        if offer is not None:
            taken[offer].append(student)
    pairs = []
    for student, prefs in student_prefs.items():
        current = assignment.get(student)
        better = prefs[: prefs.index(current)] if current in prefs else list(prefs)
        for offer in better:
            if offer not in rank or student not in rank[offer] or capacity.get(offer, 0) <= 0:
                continue
            if len(taken[offer]) < capacity[offer] or any(
                rank[offer][student] < rank[offer][other] for other in taken[offer]
            ):
                pairs.append((student, offer))
    return pairs
