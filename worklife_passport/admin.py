from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_actions import workflow_action
from core.admin_filters import AutocompleteFilter, CountryListFilter
from core.admin_mixins import (
    AutocompleteFiltersAdmin,
    HistoryInline,
    LargeTableAdmin,
    MadeByServicesAdmin,
    move_action,
    name_matches,
    person_matches,
)

from .models.awards import Award, BulkAward, ClaimCode, IssuerKey, IssuerSettings, StatusList
from .models.badges import Alignment, Badge, Endorsement, Goal
from .models.claims import Claim, ClaimEvent, EvidenceFile
from .models.passport import (
    Pathway,
    PathwayRule,
    RecognitionAgreement,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)
from .openbadges import keys
from .services.claims import CLAIM_WORKFLOW
from .services.passport import recognition_decide


class AlignmentInline(admin.TabularInline):
    model = Alignment
    extra = 0


class EndorsementInline(admin.TabularInline):
    model = Endorsement
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(Badge)
class BadgeAdmin(TranslationAdmin):
    list_display = [
        "name",
        "issuer",
        "category",
        "achievement_type",
        "version",
        "is_current",
        "is_active",
    ]
    list_filter = [
        "category",
        "achievement_type",
        "is_current",
        "is_active",
        CountryListFilter.on("issuer__country"),
        "sectors",
    ]
    search_fields = ["name", "description", "tags", "issuer__name"]
    list_select_related = ["issuer"]
    autocomplete_fields = ["issuer"]
    filter_horizontal = ["sectors"]
    readonly_fields = ["family", "version", "is_current", "created_at"]
    inlines = [AlignmentInline, EndorsementInline]


class EvidenceInline(admin.TabularInline):
    model = EvidenceFile
    extra = 0
    readonly_fields = ["uploaded_at"]


class ClaimEventInline(HistoryInline):
    model = ClaimEvent


@admin.register(Claim)
class ClaimAdmin(LargeTableAdmin):
    list_display = ["student", "badge", "status", "submitted_at", "assessor", "decided_at"]
    list_filter = ["status", "badge__category", ("badge__issuer", AutocompleteFilter)]
    search_fields = ["student", "badge"]
    search_matches = {"student": person_matches, "badge": name_matches("name")}
    list_select_related = ["student", "badge", "assessor"]
    raw_id_fields = ["student", "badge", "assessor"]
    readonly_fields = [
        "status",
        "submitted_at",
        "decided_at",
        "status_changed_at",
        "supervisor_confirmed_at",
        "created_at",
    ]
    inlines = [EvidenceInline, ClaimEventInline]
    actions = [
        move_action(
            CLAIM_WORKFLOW, "approve", _("Approve the selected claims and award the badge")
        ),
        move_action(CLAIM_WORKFLOW, "return", _("Return the selected claims for changes")),
        move_action(CLAIM_WORKFLOW, "reject", _("Reject the selected claims")),
    ]


@admin.register(Award)
class AwardAdmin(LargeTableAdmin, MadeByServicesAdmin):
    # An award carries a status index and a signature: only the services can make one.
    list_display = [
        "badge",
        "recipient_email",
        "recipient_name",
        "source",
        "issued_on",
        "expires_on",
        "revoked_at",
    ]
    list_filter = ["source", "badge__category", ("badge__issuer", AutocompleteFilter), "revoked_at"]
    # The recipient by their account or the address the award was made out to, its public
    # id, or the badge by name.
    search_fields = ["recipient", "recipient_email", "public_id", "badge"]
    search_matches = {
        "recipient": person_matches,
        # An award's own copy of the address is the person's account's, so it is looked
        # for only where no account is kept, by the index on the recipient.
        "recipient_email": lambda word: Q(recipient=None, recipient_email=word.lower()),
        "badge": name_matches("name"),
    }
    list_select_related = ["badge"]
    # The newest first, by an index of their own ("award_newest").
    ordering = ["-issued_on", "-id"]
    sortable_by = ()
    raw_id_fields = ["badge", "recipient", "claim", "awarded_by"]
    readonly_fields = [
        "public_id",
        "salt",
        "status_index",
        "issued_on",
        "revoked_at",
        "revocation_reason",
    ]


@admin.register(ClaimCode)
class ClaimCodeAdmin(AutocompleteFiltersAdmin, MadeByServicesAdmin):
    list_display = ["code", "badge", "label", "uses", "max_uses", "expires_at"]
    list_filter = ["expires_at", ("badge__issuer", AutocompleteFilter)]
    search_fields = ["code", "label", "badge__name"]
    list_select_related = ["badge"]
    raw_id_fields = ["badge", "created_by"]
    readonly_fields = ["code", "uses", "created_at"]


@admin.register(BulkAward)
class BulkAwardAdmin(MadeByServicesAdmin):
    list_display = ["badge", "created_by", "status", "done_count", "created_at"]
    list_filter = ["status"]
    search_fields = ["badge__name", "created_by__email"]
    list_select_related = ["badge", "created_by"]
    readonly_fields = ["badge", "created_by", "rows", "status", "done_count", "created_at"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["user", "badge", "created_at"]
    list_filter = ["badge__category"]
    search_fields = ["user__email", "badge__name"]
    list_select_related = ["user", "badge"]
    raw_id_fields = ["user", "badge"]


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["label", "user", "expires_at", "revoked_at", "view_count"]
    list_filter = ["expires_at", "revoked_at"]
    search_fields = ["label", "user__email"]
    list_select_related = ["user"]
    readonly_fields = ["token", "view_count", "created_at"]
    raw_id_fields = ["user"]
    filter_horizontal = ["awards"]


class PathwayRuleInline(admin.StackedInline):
    model = PathwayRule
    extra = 0
    filter_horizontal = ["badges"]


@admin.register(Pathway)
class PathwayAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["name", "recognised_by", "recognition", "credits", "is_active"]
    list_filter = ["is_active", ("recognised_by", AutocompleteFilter)]
    search_fields = ["name", "recognition"]
    autocomplete_fields = ["recognised_by"]
    inlines = [PathwayRuleInline]


@admin.register(RecognitionAgreement)
class RecognitionAgreementAdmin(AutocompleteFiltersAdmin):
    list_display = ["higher_education", "what", "credits", "valid_from", "valid_until"]
    list_filter = [("higher_education", AutocompleteFilter)]
    search_fields = ["what", "higher_education__name"]
    filter_horizontal = ["issuers"]


@admin.register(RecognitionRequest)
class RecognitionRequestAdmin(admin.ModelAdmin):
    list_display = ["student", "pathway", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", "pathway"]
    search_fields = ["student__full_name", "student__email", "pathway__name"]
    list_select_related = ["student", "pathway", "decided_by"]
    raw_id_fields = ["student"]
    readonly_fields = ["status", "decided_by", "decided_at", "comment"]
    actions = [
        workflow_action(
            f"recognition_{name}",
            description,
            lambda *, actor, obj, comment, confirm=confirm: recognition_decide(
                actor=actor, request=obj, confirm=confirm, comment=comment
            ),
            needs_comment=not confirm,
        )
        for name, confirm, description in (
            ("confirm", True, _("Confirm the selected recognition requests")),
            ("decline", False, _("Decline the selected recognition requests")),
        )
    ]


@admin.register(SkillNeed)
class SkillNeedAdmin(admin.ModelAdmin):
    list_display = ["text", "organisation", "sector", "created_at"]
    list_filter = ["sector", CountryListFilter.on("organisation__country")]
    search_fields = ["text", "organisation__name"]
    list_select_related = ["organisation", "sector"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["badges"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(IssuerKey)
class IssuerKeyAdmin(MadeByServicesAdmin):
    list_display = ["organisation", "kid", "algorithm", "created_at", "retired_at"]
    list_filter = ["algorithm", "retired_at"]
    search_fields = ["organisation__name", "kid"]
    list_select_related = ["organisation"]
    readonly_fields = ["organisation", "kid", "algorithm", "public_jwk", "created_at", "retired_at"]
    actions = ["rotate"]

    @admin.action(description=_("Rotate the key of the selected organisations"))
    def rotate(self, request, queryset):
        for organisation in {key.organisation for key in queryset}:
            keys.rotate(organisation)
        self.message_user(request, _("New keys made; the old ones still verify."))


@admin.register(IssuerSettings)
class IssuerSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "signing_algorithm"]
    list_filter = ["signing_algorithm"]
    search_fields = ["organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]

    def get_readonly_fields(self, request, obj=None):
        return ["organisation"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        saved = keys.issuer_signing_algorithm_set(
            actor=request.user, organisation=obj.organisation, algorithm=obj.signing_algorithm
        )
        obj.pk = saved.pk


@admin.register(StatusList)
class StatusListAdmin(MadeByServicesAdmin):
    list_display = ["organisation", "next_index"]
    list_filter = [CountryListFilter.on("organisation__country")]
    search_fields = ["organisation__name"]
    readonly_fields = ["organisation", "next_index"]
