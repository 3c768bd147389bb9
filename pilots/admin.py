from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_actions import workflow_action
from core.admin_filters import AutocompleteFilter
from core.admin_mixins import AutocompleteFiltersAdmin, ReadOnlyInline

from . import services as pilot_services
from .models import (
    CallCriterion,
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
    Score,
)


class CallCriterionInline(TranslationTabularInline):
    model = CallCriterion
    extra = 0
    fields = ["position", "text", "weight", "max_score"]


@admin.register(PilotCall)
class PilotCallAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["title", "organiser", "deadline", "published_at", "closed_at"]
    list_filter = [
        ("organiser", AutocompleteFilter),
        ("published_at", admin.EmptyFieldListFilter),
        "deadline",
    ]
    search_fields = ["title", "text", "organiser__name"]
    list_select_related = ["organiser"]
    autocomplete_fields = ["organiser", "reviewers"]
    raw_id_fields = ["created_by"]
    date_hierarchy = "deadline"
    inlines = [CallCriterionInline]


class PilotAttachmentInline(admin.TabularInline):
    model = PilotAttachment
    extra = 0
    fields = ["title", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]


class ScoreInline(ReadOnlyInline):
    # Reviewers score on the application page.
    model = Score
    fields = ["reviewer", "criterion", "score", "comment"]


class ProgressReportInline(admin.StackedInline):
    model = ProgressReport
    extra = 0
    fields = ["period", "text", "next_steps", "submitted_by", "submitted_at"]
    readonly_fields = ["submitted_by", "submitted_at"]


@admin.register(PilotApplication)
class PilotApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "lead", "status", "budget", "granted", "submitted_at"]
    list_filter = ["status", "call"]
    search_fields = ["title", "summary", "lead__name", "contact__email"]
    list_select_related = ["call", "lead"]
    autocomplete_fields = ["lead", "partners", "contact"]
    raw_id_fields = ["call"]
    # Submitting, withdrawing and deciding are moves of the call's workflow.
    readonly_fields = [
        "status",
        "granted",
        "decision_note",
        "decided_by",
        "submitted_at",
        "decided_at",
    ]
    inlines = [PilotAttachmentInline, ScoreInline, ProgressReportInline]
    actions = [
        workflow_action(
            "pilot_reject",
            _("Reject the selected pilot applications"),
            lambda *, actor, obj, comment: pilot_services.application_decide(
                actor=actor, application=obj, funded=False, note=comment
            ),
            needs_comment=True,
        )
    ]


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["application", "period", "submitted_by", "submitted_at"]
    list_filter = ["application__call", "submitted_at"]
    search_fields = ["application__title", "period", "text"]
    list_select_related = ["application", "submitted_by"]
    raw_id_fields = ["application", "submitted_by"]
