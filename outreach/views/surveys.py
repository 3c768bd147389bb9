"""Needs surveys: the builder and results for staff, the answer page for companies."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.pages import edit_page
from core.spreadsheets import csv_response
from core.views import act_and_redirect, save_or_show_again

from .. import rules
from ..forms.surveys import QuestionForm, SendForm, SurveyForm, answer_form
from ..models import Question, Survey
from ..selectors import surveys as selectors
from ..services import surveys as services


def _managed_survey(request, pk) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("organisation"), pk=pk)
    if not rules.can_manage_survey(request.user, survey):
        raise Http404
    return survey


@login_required
def survey_list(request):
    if not rules.survey_organisations(request.user):
        raise Http404
    return render(
        request,
        "partners/surveys/survey_list.html",
        {"surveys": selectors.survey_list(viewer=request.user)},
    )


@login_required
def survey_form(request, pk=None):
    survey = _managed_survey(request, pk) if pk else None
    organisations = rules.survey_organisations(request.user)
    if survey is None and not organisations:
        raise Http404
    return edit_page(
        request,
        SurveyForm(request.POST or None, instance=survey, organisations=organisations),
        lambda data: services.survey_save(actor=request.user, survey=survey, data=data),
        template="partners/surveys/survey_form.html",
        context={"survey": survey},
        done=_("The survey was saved."),
    )


@login_required
def survey_detail(request, pk):
    survey = _managed_survey(request, pk)
    question_form = QuestionForm(request.POST or None, prefix="question")
    if request.method == "POST" and question_form.is_valid():
        return act_and_redirect(
            request,
            lambda: services.question_save(
                actor=request.user, survey=survey, data=question_form.cleaned_data
            ),
            done=_("The question was added."),
            success_url=survey.get_absolute_url(),
        )
    return _detail_page(request, survey, question_form=question_form, send_form=SendForm())


def _detail_page(request, survey, *, question_form, send_form):
    return render(
        request,
        "partners/surveys/survey_detail.html",
        {
            "survey": survey,
            "questions": selectors.questions_of(survey),
            "question_form": question_form,
            "send_form": send_form,
            "recipients": selectors.recipients_of(survey),
        },
    )


@login_required
def question_edit(request, pk, question_pk):
    survey = _managed_survey(request, pk)
    question = get_object_or_404(survey.questions.prefetch_related("choices"), pk=question_pk)
    return edit_page(
        request,
        QuestionForm(request.POST or None, instance=question),
        lambda data: services.question_save(
            actor=request.user, survey=survey, question=question, data=data
        ),
        template="partners/surveys/question_form.html",
        context={"survey": survey, "question": question},
        done=_("The question was saved."),
        success_url=survey.get_absolute_url(),
    )


def _question_action(request, pk, question_pk, action, done):
    survey = _managed_survey(request, pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey)
    return act_and_redirect(
        request, lambda: action(question), done=done, success_url=survey.get_absolute_url()
    )


@login_required
@require_POST
def question_delete(request, pk, question_pk):
    return _question_action(
        request,
        pk,
        question_pk,
        lambda q: services.question_delete(actor=request.user, question=q),
        _("The question was removed."),
    )


@login_required
@require_POST
def question_move(request, pk, question_pk):
    up = request.POST.get("direction") == "up"
    return _question_action(
        request,
        pk,
        question_pk,
        lambda q: services.question_move(actor=request.user, question=q, up=up),
        "",
    )


@login_required
@require_POST
def survey_status(request, pk):
    survey = _managed_survey(request, pk)
    to = request.POST.get("to", "")
    return act_and_redirect(
        request,
        lambda: services.survey_transition(actor=request.user, survey=survey, to=to),
        success_url=survey.get_absolute_url(),
        done=lambda moved: (
            _("The survey is now “%(status)s”.") % {"status": moved.get_status_display()}
        ),
    )


@login_required
@require_POST
def survey_send(request, pk):
    survey = _managed_survey(request, pk)
    return save_or_show_again(
        request,
        SendForm(request.POST),
        lambda form: services.survey_send(
            actor=request.user,
            survey=survey,
            companies=form.cleaned_data["companies"],
            emails=form.cleaned_data["emails"],
        ),
        done=lambda result: (
            _("Links sent: %(sent)s.") % {"sent": result["sent"]}
            + (
                " "
                + _("Already had a link: %(addresses)s.")
                % {"addresses": ", ".join(result["skipped"])}
                if result["skipped"]
                else ""
            )
        ),
        success_url=survey.get_absolute_url(),
        show_again=lambda form: _detail_page(
            request, survey, question_form=QuestionForm(prefix="question"), send_form=form
        ),
    )


@login_required
def survey_results(request, pk):
    survey = _managed_survey(request, pk)
    if request.GET.get("format") == "csv":
        return _results_csv(survey)
    return render(
        request,
        "partners/surveys/survey_results.html",
        {"survey": survey, **selectors.results(survey)},
    )


def _results_csv(survey: Survey) -> HttpResponse:
    questions = selectors.questions_of(survey)
    response, writer = csv_response(f"survey-{survey.pk}.csv")
    writer.writerow(
        [_("Answered"), _("Company"), _("E-mail"), *[question.text for question in questions]]
    )
    for row in selectors.responses_for_export(survey):
        by_question = {answer.question_id: answer for answer in row.answers.all()}
        cells: list[str | int | None] = []
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                cells.append("")
            elif question.has_choices:
                cells.append("; ".join(choice.text for choice in answer.choices.all()))
            elif question.kind == Question.Kind.SCALE:
                cells.append(answer.scale)
            else:
                cells.append(answer.text)
        writer.writerow(
            [
                # Finnish time, as everywhere people read times.
                timezone.localtime(row.submitted_at).strftime("%Y-%m-%d %H:%M"),
                row.company.name if row.company else "",
                row.recipient.email if row.recipient else "",
                *cells,
            ]
        )
    return response


@never_cache
def survey_answer(request, token):
    """A company answers through its link, without an account."""
    try:
        recipient = services.recipient_from_token(token)
    except DomainError as error:
        return render(
            request, "partners/surveys/answer_closed.html", {"message": error.message}, status=404
        )
    survey = recipient.survey
    try:
        services.check_answerable(recipient)
    except DomainError as error:
        return render(
            request,
            "partners/surveys/answer_closed.html",
            {"message": error.message, "survey": survey},
            status=410,
        )
    questions = selectors.questions_of(survey)
    form = answer_form(questions, request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = {}
        for name, field in form.fields.items():
            value = form.cleaned_data[name]
            multiple = field.question.kind == Question.Kind.MULTIPLE
            answers[field.question] = list(value) if multiple else value
        try:
            services.response_submit(
                token=token, answers=answers, language=translation.get_language()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "partners/surveys/answer_thanks.html", {"survey": survey})
    return render(
        request,
        "partners/surveys/answer.html",
        {"survey": survey, "recipient": recipient, "form": form},
    )
