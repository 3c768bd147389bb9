from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_actions import workflow_action
from core.admin_filters import CountryListFilter
from core.audit import log_action

from .models import (
    ROLES_BY_KIND,
    Answer,
    CallCriterion,
    Choice,
    Finding,
    FollowUp,
    Invitation,
    Membership,
    Organisation,
    PeerReview,
    PeerReviewer,
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
    QualityArea,
    QualityCriterion,
    Question,
    Recipient,
    Response,
    ReviewAction,
    ReviewRound,
    Score,
    Sector,
    SelfAssessment,
    Survey,
    Visit,
)
from .services import organisations as organisation_services
from .services import pilots as pilot_services
from .services import reviews as review_services
from .services import surveys as survey_services


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "organisation", "role"]

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation is None and self.instance.organisation_id:
            organisation = self.instance.organisation
        role = data.get("role")
        if organisation is not None and role and role not in ROLES_BY_KIND[organisation.kind]:
            raise ValidationError(_("An organisation of this kind cannot have this role."))
        return data


def save_membership_formset(request, formset) -> None:
    """Write the rows of a membership inline through the membership services."""
    formset.save(commit=False)
    for membership in formset.deleted_objects:
        organisation_services.membership_delete(actor=request.user, membership=membership)
    for membership, changed in formset.changed_objects:
        if {"user", "organisation"} & set(changed):
            # Another person or organisation: the old membership ends, a new one begins.
            old = Membership.objects.get(pk=membership.pk)
            organisation_services.membership_delete(actor=request.user, membership=old)
            organisation_services.membership_create(
                actor=request.user,
                organisation=membership.organisation,
                user=membership.user,
                role=membership.role,
            )
        elif "role" in changed:
            organisation_services.membership_update(
                actor=request.user, membership=membership, role=membership.role
            )
    for membership in formset.new_objects:
        organisation_services.membership_create(
            actor=request.user,
            organisation=membership.organisation,
            user=membership.user,
            role=membership.role,
        )


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    can_delete = False
    fields = ["email", "role", "invited_by", "created_at", "expires_at", "accepted_at"]
    # django-stubs declares `fields` as a list of names or groups, which a list of names cannot
    # be read back as.
    readonly_fields = fields  # type: ignore[assignment]

    def has_add_permission(self, request, obj=None):
        # Invitations carry a secret link that only the invitation service can make.
        return False


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ["name", "slug", "organisation_count"]
    list_filter = [CountryListFilter.on("organisations__country"), "organisations__kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name_fi",)}

    @admin.display(description=_("organisations"), ordering="_count")
    def organisation_count(self, obj):
        return obj._count

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(_count=Count("organisations"))


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = [
        "name",
        "kind",
        "country",
        "municipality",
        "size_class",
        "business_id",
        "is_active",
    ]
    list_filter = ["kind", CountryListFilter.on("country"), "size_class", "is_active", "sectors"]
    search_fields = ["name", "business_id", "municipality", "region", "email"]
    prepopulated_fields = {"slug": ("name_fi",)}
    filter_horizontal = ["sectors"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MembershipInline, InvitationInline]
    list_per_page = 50

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log_action(
            actor=request.user,
            action="partners.organisation.updated" if change else "partners.organisation.created",
            target=obj,
            organisation=obj,
            data={"fields": sorted(form.changed_data), "via": "admin"},
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            save_membership_formset(request, formset)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind", CountryListFilter.on("organisation__country")]
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    date_hierarchy = "created_at"
    form = MembershipForm

    def get_readonly_fields(self, request, obj=None):
        # A membership is one person in one organisation; only its role changes.
        return ["user", "organisation", "created_at"] if obj is not None else ["created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            saved = organisation_services.membership_update(
                actor=request.user, membership=obj, role=obj.role
            )
        else:
            saved = organisation_services.membership_create(
                actor=request.user, organisation=obj.organisation, user=obj.user, role=obj.role
            )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        organisation_services.membership_delete(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("organisation", "user"):
            try:
                organisation_services.membership_delete(actor=request.user, membership=membership)
            except organisation_services.PartnersError as error:
                self.message_user(request, f"{membership}: {error}", messages.WARNING)


class InvitationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Invitation.State.choices

    def queryset(self, request, queryset):
        from django.utils import timezone

        now = timezone.now()
        match self.value():
            case Invitation.State.PENDING:
                return queryset.pending()
            case Invitation.State.ACCEPTED:
                return queryset.filter(accepted_at__isnull=False)
            case Invitation.State.REVOKED:
                return queryset.filter(revoked_at__isnull=False, accepted_at__isnull=True)
            case Invitation.State.EXPIRED:
                return queryset.filter(
                    accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
                )
        return queryset


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "state_display", "created_at", "expires_at"]
    list_filter = [InvitationStateFilter, "role"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    readonly_fields = [
        "organisation",
        "email",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]
    date_hierarchy = "created_at"

    @admin.display(description=_("state"))
    def state_display(self, obj):
        return obj.get_state_display()

    def has_add_permission(self, request):
        return False


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["action", "owner", "due_on", "done_at", "done_by"]
    autocomplete_fields = ["owner"]
    readonly_fields = ["done_by"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["company", "visited_on", "school", "created_by", "open_follow_ups"]
    list_filter = ["school", "company__region", "company__sectors", "visited_on"]
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
        from django.db.models import Count, Q

        return (
            super()
            .get_queryset(request)
            .annotate(_open=Count("follow_ups", filter=Q(follow_ups__done_at__isnull=True)))
        )


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["action", "owner", "due_on", "done_at", "visit"]
    list_filter = [("done_at", admin.EmptyFieldListFilter), "due_on", "visit__school"]
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


class RecipientInline(admin.TabularInline):
    model = Recipient
    extra = 0
    can_delete = False
    fields = ["email", "company", "language", "sent_at", "responded_at"]
    # django-stubs declares `fields` as a list of names or groups, which a list of names cannot
    # be read back as.
    readonly_fields = fields  # type: ignore[assignment]

    def has_add_permission(self, request, obj=None):
        # Links are sent from the survey page, which e-mails them.
        return False


def _survey_action(to: str, description):
    return workflow_action(
        f"survey_{to}",
        description,
        lambda *, actor, obj, comment: survey_services.survey_transition(
            actor=actor, survey=obj, to=to
        ),
    )


@admin.register(Survey)
class SurveyAdmin(TranslationAdmin):
    list_display = ["title", "organisation", "status", "closes_on", "sent", "answered"]
    list_filter = ["status", "organisation"]
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
        from django.db.models import Count

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
class QuestionAdmin(TranslationAdmin):
    list_display = ["text", "survey", "kind", "position", "required"]
    list_filter = ["kind", "required", "survey__organisation"]
    search_fields = ["text", "survey__title"]
    list_select_related = ["survey"]
    raw_id_fields = ["survey"]
    inlines = [ChoiceInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "text", "scale", "choices"]
    # django-stubs declares `fields` as a list of names or groups, which a list of names cannot
    # be read back as.
    readonly_fields = fields  # type: ignore[assignment]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


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
        from django.db.models import Count

        return super().get_queryset(request).annotate(_criteria=Count("criteria"))


class PeerReviewInline(admin.TabularInline):
    model = PeerReview
    extra = 0
    fields = ["school", "visit_on", "status"]
    readonly_fields = ["status"]
    autocomplete_fields = ["school"]
    show_change_link = True


@admin.register(ReviewRound)
class ReviewRoundAdmin(TranslationAdmin):
    list_display = ["title", "organiser", "starts_on", "ends_on"]
    list_filter = ["organiser", "areas", "starts_on"]
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


def _review_action(to: str, description):
    return workflow_action(
        f"review_{to}",
        description,
        lambda *, actor, obj, comment: review_services.review_transition(
            actor=actor, review=obj, to=to
        ),
    )


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
        _review_action(PeerReview.Status.VISITED, _("Record the visit of the selected reviews")),
        _review_action(PeerReview.Status.CLOSED, _("Close the selected reviews")),
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


class CallCriterionInline(TranslationTabularInline):
    model = CallCriterion
    extra = 0
    fields = ["position", "text", "weight", "max_score"]


@admin.register(PilotCall)
class PilotCallAdmin(TranslationAdmin):
    list_display = ["title", "organiser", "deadline", "published_at", "closed_at"]
    list_filter = ["organiser", ("published_at", admin.EmptyFieldListFilter), "deadline"]
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


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["reviewer", "criterion", "score", "comment"]
    # django-stubs declares `fields` as a list of names or groups, which a list of names cannot
    # be read back as.
    readonly_fields = fields  # type: ignore[assignment]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Reviewers score on the application page.
        return False


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
