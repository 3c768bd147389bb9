"""Writes on needs surveys: building the questionnaire, sending links, taking answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from core.records import save_data
from core.rounds import move_to
from core.workflow import Change, Move, Workflow
from notifications.services import notify
from partners.models import Membership, Organisation

from .. import rules
from ..errors import SurveyError
from ..models import Answer, Choice, Question, Recipient, Response, Survey

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User

_LINK_SALT = "partners.survey-link"
S = Survey.Status
#: The language a company is written to when nobody there has chosen one.
LANGUAGE_BY_COUNTRY = {"FI": "fi", "AX": "sv", "SE": "sv", "EE": "et", "LT": "lt", "RU": "ru"}


def _log(actor: User | None, survey: Survey, action: str, data: dict | None = None) -> None:
    log_action(
        actor=actor,
        action=f"partners.survey.{action}",
        target=survey,
        organisation=survey.organisation,
        data=data,
    )


def _managed(actor: User, survey_id: int, *, draft: bool = False) -> Survey:
    """The survey, locked, when ``actor`` manages it (and, with ``draft``, it is one)."""
    survey = Survey.objects.select_for_update().get(pk=survey_id)
    require(rules.can_manage_survey(actor, survey))
    if draft and survey.status != S.DRAFT:
        raise SurveyError(
            _("The questions are fixed once the survey is open; close it and copy it instead."),
            code="not_draft",
        )
    return survey


# --- Building -------------------------------------------------------------------------


@transaction.atomic
def survey_save(*, actor: User, survey: Survey | None, data: dict) -> Survey:
    """Save a survey (new when ``survey`` is None) from ``data``, its fields; a survey
    stays with the organisation that made it."""
    values, created = dict(data), survey is None
    if survey is None:
        require(values["organisation"].pk in rules.survey_organisations(actor))
        survey = Survey(created_by=actor)
    else:
        survey = _managed(actor, survey.pk)
        values.pop("organisation", None)
    save_data(survey, values, created=created)
    _log(actor, survey, "created" if created else "updated")
    return survey


def _set_choices(question: Question, lines: list[str]) -> None:
    """Write the choices in the current language. The same number of lines renames the
    choices in place (keeping their other translations); another number replaces them."""
    existing = list(question.choices.all())
    if len(existing) == len(lines):
        for choice, text in zip(existing, lines, strict=True):
            if choice.text != text:
                choice.text = text
                choice.save()
        return
    question.choices.all().delete()
    Choice.objects.bulk_create(
        [Choice(question=question, position=i, text=text) for i, text in enumerate(lines)]
    )


@transaction.atomic
def question_save(
    *, actor: User, survey: Survey, question: Question | None = None, data: dict
) -> Question:
    """Add a question to ``survey`` or change ``question``, from ``data`` (its fields,
    and ``choice_lines``, the choices one per item)."""
    survey = _managed(actor, survey.pk, draft=True)
    values = dict(data)
    lines = values.pop("choice_lines", [])
    created = question is None
    if question is None:
        last = survey.questions.aggregate(last=Max("position"))["last"]
        question = Question(survey=survey, position=0 if last is None else last + 1)
    else:
        question = survey.questions.get(pk=question.pk)
    save_data(question, values, created=created)
    if question.has_choices:
        _set_choices(question, lines)
    else:
        question.choices.all().delete()
    return question


@transaction.atomic
def question_delete(*, actor: User, question: Question) -> None:
    _managed(actor, question.survey_id, draft=True)
    question.delete()


@transaction.atomic
def question_move(*, actor: User, question: Question, up: bool) -> None:
    survey = _managed(actor, question.survey_id, draft=True)
    ordered = list(survey.questions.order_by("position", "pk"))
    index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered):
        if item.position != position:
            Question.objects.filter(pk=item.pk).update(position=position)


# --- Opening and closing ---------------------------------------------------------------


def _ready_to_open(change: Change[Survey]) -> None:
    survey = change.obj
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        raise SurveyError(_("Add at least one question first."), code="no_questions")
    if any(q.has_choices and len(q.choices.all()) < 2 for q in questions):
        raise SurveyError(_("Every choice question needs two choices."), code="choices")
    if survey.closes_on and survey.closes_on < timezone.localdate():
        raise SurveyError(_("The last day to answer has passed; change it first."), code="past")
    change.set(opened_at=survey.opened_at or change.now)


MANAGER = frozenset({"manager"})

#: The moves a survey makes; each is audited as ``partners.survey.<move>``.
SURVEY_WORKFLOW: Workflow[Survey] = Workflow(
    name="partners.survey",
    moves={
        "opened": Move(
            "opened",
            _("Open for answers"),
            S.OPEN,
            {S.DRAFT: MANAGER},
            prepare=_ready_to_open,
        ),
        "closed": Move(
            "closed",
            _("Close the survey"),
            S.CLOSED,
            {S.OPEN: MANAGER},
            button_style="button-secondary",
        ),
        "reopened": Move(
            "reopened",
            _("Open again"),
            S.OPEN,
            {S.CLOSED: MANAGER},
            button_style="button-secondary",
            prepare=_ready_to_open,
        ),
    },
    lock=lambda survey: Survey.objects.select_for_update().get(pk=survey.pk),
    parties=lambda actor, survey: (
        MANAGER if rules.can_manage_survey(actor, survey) else frozenset()
    ),
    organisation=lambda survey: survey.organisation_id,
    illegal=_("A survey that is “%(status)s” cannot be moved there."),
)


def survey_transition(*, actor: User, survey: Survey, to: str) -> Survey:
    """Move ``survey`` to the state ``to`` (see ``core.rounds.move_to``)."""
    return move_to(SURVEY_WORKFLOW, actor=actor, obj=survey, to=to, error=SurveyError)


# --- Sending --------------------------------------------------------------------------


def link_token(recipient: Recipient) -> str:
    return signing.dumps({"recipient": recipient.pk}, salt=_LINK_SALT, compress=True)


def _addressees(companies: Iterable[Organisation]) -> list[tuple[Organisation, str, str]]:
    """(company, e-mail, language) for each company: its own address, otherwise its
    contact people."""
    rows = []
    for company in companies:
        # CountryField gives a Country; the Django plugin types it as its base CharField's str.
        fallback = LANGUAGE_BY_COUNTRY.get(company.country.code, "en")  # type: ignore[attr-defined]
        if company.email:
            rows.append((company, company.email.lower(), fallback))
            continue
        for membership in company.memberships.all():
            if membership.role == Membership.Role.COMPANY_CONTACT and membership.user.is_active:
                user = membership.user
                rows.append((company, user.email.lower(), user.language or fallback))
    return rows


@transaction.atomic
def survey_send(
    *,
    actor: User,
    survey: Survey,
    companies: Iterable[Organisation] = (),
    emails: Iterable[str] = (),
) -> dict:
    """Send a single-use answer link to each company and address that has none yet.
    Returns how many were sent and which addresses already had a link."""
    survey = _managed(actor, survey.pk)
    if not survey.takes_answers:
        raise SurveyError(_("Open the survey before sending it."), code="not_open")
    language = translation.get_language() or settings.LANGUAGE_CODE
    wanted = _addressees(companies) + [(None, email.lower(), language) for email in emails]
    already = set(survey.recipients.values_list("email", flat=True))
    sent, skipped = 0, []
    for company, email, recipient_language in wanted:
        if email in already:
            skipped.append(email)
            continue
        already.add(email)
        try:
            with transaction.atomic():
                recipient = Recipient.objects.create(
                    survey=survey, company=company, email=email, language=recipient_language
                )
        except IntegrityError:
            skipped.append(email)
            continue
        with translation.override(recipient_language):
            url = settings.SITE_URL + reverse(
                "partners:survey_answer", kwargs={"token": link_token(recipient)}
            )
            title = survey.title
        notify(
            kind="partners.survey_invitation",
            key=f"partners.survey_invitation:{recipient.pk}",
            email=email,
            language=recipient_language,
            context={
                "survey": title,
                "organisation": survey.organisation.name,
                "company": company.name if company else "",
                "closes_on": survey.closes_on.isoformat() if survey.closes_on else "",
                "secret_url": url,
            },
        )
        sent += 1
    if sent:
        _log(actor, survey, "sent", {"sent": sent})
    return {"sent": sent, "skipped": skipped}


# --- Answering ------------------------------------------------------------------------


def recipient_from_token(token: str) -> Recipient:
    try:
        data = signing.loads(token, salt=_LINK_SALT)
    except signing.BadSignature as error:
        raise SurveyError(_("This survey link is not valid."), code="invalid") from error
    recipient = (
        Recipient.objects.select_related("survey__organisation", "company")
        .filter(pk=data.get("recipient"))
        .first()
    )
    if recipient is None:
        raise SurveyError(_("This survey link is not valid."), code="invalid")
    return recipient


def check_answerable(recipient: Recipient) -> None:
    if recipient.responded_at is not None:
        raise SurveyError(
            _("This link has already been used to answer. Thank you for your answers!"),
            code="used",
        )
    if not recipient.survey.takes_answers:
        raise SurveyError(_("This survey is closed."), code="closed")


@transaction.atomic
def response_submit(*, token: str, answers: dict, language: str) -> Response:
    """Store the answers given through a link: ``answers`` maps each question to a text,
    a scale value, or a list of choices. The link answers once."""
    recipient = recipient_from_token(token)
    recipient = (
        Recipient.objects.select_for_update(of=("self",))
        .select_related("survey__organisation", "company")
        .get(pk=recipient.pk)
    )
    check_answerable(recipient)
    survey = recipient.survey
    response = Response.objects.create(
        survey=survey, recipient=recipient, company=recipient.company, language=language
    )
    for question, value in answers.items():
        if value in (None, "", []):
            continue
        answer = Answer(response=response, question=question)
        if question.kind == Question.Kind.TEXT:
            answer.text = value
        elif question.kind == Question.Kind.SCALE:
            answer.scale = int(value)
        answer.save()
        if question.has_choices:
            answer.choices.set(value if question.kind == Question.Kind.MULTIPLE else [value])
    recipient.responded_at = timezone.now()
    recipient.save(update_fields=["responded_at"])
    _log(None, survey, "answered", {"response": response.pk, "company": recipient.company_id})
    if survey.created_by is not None:
        notify(
            kind="partners.survey_response",
            key=f"partners.survey_response:{response.pk}",
            recipient=survey.created_by,
            context={
                "survey": survey.title,
                "company": recipient.company.name if recipient.company else recipient.email,
                "link": {"name": "partners:survey_results", "kwargs": {"pk": survey.pk}},
            },
        )
    return response
