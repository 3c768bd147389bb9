"""Reads for needs surveys: the manager's list and the aggregated answers."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet

from partners.rules import OUTREACH_ROLES, is_staff, organisations_with_role

from ..models import Answer, Question, Recipient, Response, Survey

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def survey_list(*, viewer: User | AnonymousUser) -> QuerySet[Survey]:
    queryset = Survey.objects.all()
    if not is_staff(viewer):
        queryset = queryset.filter(
            organisation__in=organisations_with_role(viewer, *OUTREACH_ROLES)
        )
    return (
        queryset.select_related("organisation")
        .annotate(
            sent=Count("recipients", distinct=True),
            answered=Count("responses", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.prefetch_related("choices").order_by("position", "pk"))


def recipients_of(survey: Survey) -> QuerySet[Recipient]:
    return survey.recipients.select_related("company").order_by("-sent_at", "email")


def _choice_counts(survey: Survey) -> Counter:
    return Counter(
        {
            row["choices"]: row["n"]
            for row in Answer.objects.filter(response__survey=survey, choices__isnull=False)
            .values("choices")
            .annotate(n=Count("pk"))
        }
    )


def _scale_counts(survey: Survey) -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in (
        Answer.objects.filter(response__survey=survey, scale__isnull=False)
        .values("question", "scale")
        .annotate(n=Count("pk"))
    ):
        counts[row["question"]][row["scale"]] = row["n"]
    return counts


def _texts(survey: Survey) -> dict[int, list]:
    texts: dict[int, list] = defaultdict(list)
    for answer in (
        Answer.objects.filter(response__survey=survey)
        .exclude(text="")
        .select_related("response__company", "response__recipient")
        .order_by("response__submitted_at", "pk")
    ):
        texts[answer.question_id].append(answer)
    return texts


def _share(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def _scale_row(question: Question, counts: Counter) -> dict[str, Any]:
    total = sum(counts.values())
    return {
        "scale": [
            {"value": value, "count": counts[value], "share": _share(counts[value], total)}
            for value in range(1, question.scale_max + 1)
        ],
        "mean": sum(value * n for value, n in counts.items()) / total if total else None,
    }


def results(survey: Survey) -> dict:
    """Every question with its answers summed up: counts and shares of each choice, the
    spread and mean of a scale, the texts written. A fixed number of queries."""
    questions = questions_of(survey)
    responses = survey.responses.count()
    choice_counts = _choice_counts(survey)
    scale_counts = _scale_counts(survey)
    texts = _texts(survey)
    # An answer is stored only when something was given.
    answered = dict(
        Answer.objects.filter(response__survey=survey)
        .values("question")
        .annotate(n=Count("pk"))
        .values_list("question", "n")
    )
    rows = []
    for question in questions:
        row: dict[str, Any] = {"question": question, "answered": answered.get(question.pk, 0)}
        if question.has_choices:
            row["choices"] = [
                {
                    "choice": choice,
                    "count": choice_counts[choice.pk],
                    "share": _share(choice_counts[choice.pk], responses),
                }
                for choice in question.choices.all()
            ]
        elif question.kind == Question.Kind.SCALE:
            row.update(_scale_row(question, scale_counts[question.pk]))
        else:
            row["texts"] = texts[question.pk]
        rows.append(row)
    return {"rows": rows, "responses": responses, "sent": survey.recipients.count()}


def responses_for_export(survey: Survey) -> QuerySet[Response]:
    return (
        survey.responses.select_related("company", "recipient")
        .prefetch_related("answers__choices")
        .order_by("submitted_at", "pk")
    )
