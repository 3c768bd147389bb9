from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_actions import workflow_action
from core.admin_filters import AutocompleteFilter
from core.admin_mixins import AutocompleteFiltersAdmin, ReadOnlyInline

from .models import Answer, Choice, FollowUp, Question, Recipient, Response, Survey, Visit
from .services import surveys as survey_services


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["action", "owner", "due_on", "done_at", "done_by"]
    autocomplete_fields = ["owner"]
    readonly_fields = ["done_by"]


@admin.register(Visit)
class VisitAdmin(AutocompleteFiltersAdmin):
    list_display = ["company", "visited_on", "school", "created_by", "open_follow_ups"]
    list_filter = [
        ("school", AutocompleteFilter),
        "company__region",
        "company__sectors",
        "visited_on",
    ]
    search_fields = ["company__name", "school__name", "notes", "skill_needs", "met"]
    list_select_related = ["company", "school", "created_by"]
    autocomplete_fields = ["company", "school", "visitors", "joint_with"]
    raw_id_fields = ["created_by"]
    date_hierarchy = "visited_on"
    inlines = [FollowUpInline]

    @admin.display(description=_("open follow-up actions"))
    def open_follow_ups(self, obj):
        return obj._open

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_open=Count("follow_ups", filter=Q(follow_ups__done_at__isnull=True)))
        )


@admin.register(FollowUp)
class FollowUpAdmin(AutocompleteFiltersAdmin):
    list_display = ["action", "owner", "due_on", "done_at", "visit"]
    list_filter = [
        ("done_at", admin.EmptyFieldListFilter),
        "due_on",
        ("visit__school", AutocompleteFilter),
    ]
    search_fields = ["action", "owner__full_name", "owner__email", "visit__company__name"]
    list_select_related = ["owner", "visit__company"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["visit", "done_by"]
    date_hierarchy = "due_on"


class QuestionInline(TranslationTabularInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "text", "required", "scale_max"]
    show_change_link = True


class RecipientInline(ReadOnlyInline):
    # Links are sent from the survey page, which e-mails them.
    model = Recipient
    fields = ["email", "company", "language", "sent_at", "responded_at"]


def _survey_action(to: str, description):
    return workflow_action(
        f"survey_{to}",
        description,
        lambda *, actor, obj, comment: survey_services.survey_transition(
            actor=actor, survey=obj, to=to
        ),
    )


@admin.register(Survey)
class SurveyAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["title", "organisation", "status", "closes_on", "sent", "answered"]
    list_filter = ["status", ("organisation", AutocompleteFilter)]
    search_fields = ["title", "intro", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["created_by"]
    date_hierarchy = "created_at"
    inlines = [QuestionInline, RecipientInline]
    readonly_fields = ["status", "opened_at"]
    actions = [
        _survey_action(Survey.Status.OPEN, _("Open the selected surveys for answers")),
        _survey_action(Survey.Status.CLOSED, _("Close the selected surveys")),
    ]

    @admin.display(description=_("sent"))
    def sent(self, obj):
        return obj._sent

    @admin.display(description=_("answered"))
    def answered(self, obj):
        return obj._answered

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _sent=Count("recipients", distinct=True),
                _answered=Count("responses", distinct=True),
            )
        )


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 0
    fields = ["position", "text"]


@admin.register(Question)
class QuestionAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["text", "survey", "kind", "position", "required"]
    list_filter = ["kind", "required", ("survey__organisation", AutocompleteFilter)]
    search_fields = ["text", "survey__title"]
    list_select_related = ["survey"]
    raw_id_fields = ["survey"]
    inlines = [ChoiceInline]


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = ["question", "text", "scale", "choices"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["survey", "company", "language", "submitted_at"]
    list_filter = ["survey", "language"]
    search_fields = ["survey__title", "company__name", "recipient__email"]
    list_select_related = ["survey", "company"]
    raw_id_fields = ["recipient", "company"]
    date_hierarchy = "submitted_at"
    inlines = [AnswerInline]


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ["email", "survey", "company", "sent_at", "responded_at"]
    list_filter = [("responded_at", admin.EmptyFieldListFilter), "survey"]
    search_fields = ["email", "company__name", "survey__title"]
    list_select_related = ["survey", "company"]
    raw_id_fields = ["survey", "company"]
    readonly_fields = ["sent_at", "responded_at"]
