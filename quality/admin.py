from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_filters import AutocompleteFilter
from core.admin_mixins import AutocompleteFiltersAdmin, move_action

from .models import (
    Finding,
    PeerReview,
    PeerReviewer,
    QualityArea,
    QualityCriterion,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)
from .services import REVIEW_WORKFLOW


class QualityCriterionInline(TranslationTabularInline):
    model = QualityCriterion
    extra = 0
    fields = ["position", "text"]


@admin.register(QualityArea)
class QualityAreaAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position", "criterion_count"]
    list_filter = ["reviewround"]
    search_fields = ["name", "description", "slug"]
    prepopulated_fields = {"slug": ("name_fi",)}
    inlines = [QualityCriterionInline]

    @admin.display(description=_("criteria"))
    def criterion_count(self, obj):
        return obj._criteria

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_criteria=Count("criteria"))


class PeerReviewInline(admin.TabularInline):
    model = PeerReview
    extra = 0
    fields = ["school", "visit_on", "status"]
    readonly_fields = ["status"]
    autocomplete_fields = ["school"]
    show_change_link = True


@admin.register(ReviewRound)
class ReviewRoundAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["title", "organiser", "starts_on", "ends_on"]
    list_filter = [("organiser", AutocompleteFilter), "areas", "starts_on"]
    search_fields = ["title", "description", "organiser__name"]
    list_select_related = ["organiser"]
    autocomplete_fields = ["organiser"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["areas"]
    date_hierarchy = "starts_on"
    inlines = [PeerReviewInline]


class PeerReviewerInline(admin.TabularInline):
    model = PeerReviewer
    extra = 0
    autocomplete_fields = ["user"]


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    fields = ["area", "kind", "text"]


class ReviewActionInline(admin.TabularInline):
    model = ReviewAction
    extra = 0
    fields = ["text", "responsible", "due_on", "state", "recommendation"]
    # The school marks its actions done on the review page, which checks the review's state.
    readonly_fields = ["state"]
    raw_id_fields = ["recommendation"]


class SelfAssessmentInline(admin.TabularInline):
    model = SelfAssessment
    extra = 0
    fields = ["criterion", "level", "description"]
    readonly_fields = ["criterion"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # The school writes its self-report on the review page.
        return False


@admin.register(PeerReview)
class PeerReviewAdmin(admin.ModelAdmin):
    list_display = ["school", "round", "visit_on", "status", "reported_at"]
    list_filter = ["status", "round"]
    search_fields = ["school__name", "round__title", "summary"]
    list_select_related = ["school", "round"]
    autocomplete_fields = ["school"]
    raw_id_fields = ["round"]
    readonly_fields = ["status", "self_reported_at", "reported_at"]
    inlines = [PeerReviewerInline, SelfAssessmentInline, FindingInline, ReviewActionInline]
    actions = [
        move_action(REVIEW_WORKFLOW, "visited", _("Record the visit of the selected reviews")),
        move_action(REVIEW_WORKFLOW, "closed", _("Close the selected reviews")),
    ]


@admin.register(ReviewAction)
class ReviewActionAdmin(admin.ModelAdmin):
    list_display = ["text", "review", "responsible", "due_on", "state"]
    list_filter = ["state", "due_on"]
    search_fields = ["text", "responsible", "review__school__name"]
    list_select_related = ["review__school", "review__round"]
    raw_id_fields = ["review", "recommendation"]
    readonly_fields = ["state"]
    date_hierarchy = "due_on"
