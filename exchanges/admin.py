from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_filters import AutocompleteFilter, CountryListFilter
from core.admin_mixins import (
    HistoryInline,
    LargeTableAdmin,
    MadeByServicesAdmin,
    ReadOnlyInline,
    move_action,
    name_matches,
    person_matches,
)

from .models import (
    Application,
    ApplicationAttachment,
    ApplicationComment,
    ApplicationEvent,
    CalendarFeed,
    LearningAgreement,
    MobilityRecord,
    PartnershipAgreement,
    PlacementOffer,
    SavedSearch,
    Signature,
)
from .services.offers import OFFER_WORKFLOW
from .services.partnerships import PARTNERSHIP_WORKFLOW
from .workflow import APPLICATION_WORKFLOW


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "valid_from", "valid_until", "yearly_quota"]
    list_filter = ["status", CountryListFilter.on("parties__country"), "sectors"]
    search_fields = ["title", "parties__name", "qualifications"]
    filter_horizontal = ["parties", "sectors"]
    date_hierarchy = "valid_from"
    # The status moves through the agreement's workflow (the actions below), never by hand.
    readonly_fields = ["status", "created_by", "created_at"]
    actions = [
        move_action(PARTNERSHIP_WORKFLOW, "activate", _("Activate the selected agreements")),
        move_action(PARTNERSHIP_WORKFLOW, "terminate", _("Terminate the selected agreements")),
        move_action(PARTNERSHIP_WORKFLOW, "expire", _("Mark the selected agreements as expired")),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PlacementOffer)
class PlacementOfferAdmin(LargeTableAdmin):
    list_display = [
        "title",
        "host",
        "country",
        "form",
        "status",
        "seats",
        "seats_taken",
        "deadline",
    ]
    list_filter = [
        "status",
        "form",
        CountryListFilter.on("country"),
        "sector",
        ("host", AutocompleteFilter),
    ]
    search_fields = ["title__icontains", "city__iexact", "host"]
    search_matches = {"host": name_matches("name")}
    list_select_related = ["host"]
    autocomplete_fields = ["host", "posted_by"]
    # The status moves through the offer workflow (review, publish, close), never by hand.
    readonly_fields = ["status", "seats_taken", "published_at", "created_at", "updated_at"]
    actions = [
        move_action(OFFER_WORKFLOW, "approve", _("Approve and publish the selected offers")),
        move_action(OFFER_WORKFLOW, "send_back", _("Send the selected offers back to draft")),
        move_action(OFFER_WORKFLOW, "close", _("Close the selected offers")),
        move_action(OFFER_WORKFLOW, "reopen", _("Reopen the selected offers")),
        move_action(OFFER_WORKFLOW, "archive", _("Archive the selected offers")),
    ]


class EventInline(HistoryInline):
    model = ApplicationEvent


class CommentInline(admin.TabularInline):
    model = ApplicationComment
    extra = 0
    fields = ["created_at", "author", "visibility", "body"]
    readonly_fields = ["created_at", "author"]


class AttachmentInline(admin.TabularInline):
    model = ApplicationAttachment
    extra = 0
    fields = ["name", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]


class MobilityInline(admin.StackedInline):
    model = MobilityRecord
    extra = 0


@admin.register(Application)
class ApplicationAdmin(LargeTableAdmin):
    list_display = [
        "applicant",
        "offer",
        "home",
        "host",
        "status",
        "start_date",
        "end_date",
        "status_changed_at",
    ]
    list_filter = [
        "status",
        "kind",
        CountryListFilter.on("host__country"),
        "offer__form",
        ("home", AutocompleteFilter),
        ("host", AutocompleteFilter),
    ]
    search_fields = ["applicant", "offer", "host"]
    search_matches = {
        "applicant": person_matches,
        "offer": name_matches("title"),
        "host": name_matches("name"),
    }
    list_select_related = ["applicant", "offer", "home", "host"]
    # The newest first, by the index "application_newest".
    sortable_by = ["status_changed_at"]
    autocomplete_fields = ["applicant", "offer", "home", "host"]
    # The workflow moves an application; the admin shows it and fixes typos.
    readonly_fields = ["status", "submitted_at", "approved_at", "status_changed_at", "created_at"]
    inlines = [MobilityInline, AttachmentInline, CommentInline, EventInline]
    actions = [
        move_action(APPLICATION_WORKFLOW, "approve", _("Approve the selected applications")),
        move_action(
            APPLICATION_WORKFLOW, "return", _("Return the selected applications for changes")
        ),
        move_action(APPLICATION_WORKFLOW, "reject", _("Reject the selected applications")),
        move_action(APPLICATION_WORKFLOW, "cancel", _("Cancel the selected exchanges")),
    ]


class SignatureInline(ReadOnlyInline):
    model = Signature
    fields = ["party", "signer_name", "signed_by", "signed_at", "via_link"]


@admin.register(LearningAgreement)
class LearningAgreementAdmin(MadeByServicesAdmin):
    list_display = ["application", "version", "instructor", "created_at"]
    list_filter = ["application__status", CountryListFilter.on("application__host__country")]
    search_fields = ["application__applicant__full_name", "instructor", "learning_outcomes"]
    list_select_related = ["application__applicant", "application__offer", "application__host"]
    readonly_fields = ["application", "version", "created_by", "created_at", "host_link_used_at"]
    inlines = [SignatureInline]


@admin.register(MobilityRecord)
class MobilityRecordAdmin(admin.ModelAdmin):
    list_display = [
        "application",
        "actual_start",
        "actual_end",
        "part_time_percent",
        "participant_rating",
        "host_rating",
        "credits",
    ]
    list_filter = [CountryListFilter.on("application__host__country"), "part_time_percent"]
    search_fields = ["application__applicant__full_name", "application__host__name"]
    list_select_related = ["application__applicant", "application__offer", "application__host"]
    raw_id_fields = ["application"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "last_checked_at", "created_at"]
    list_filter = ["last_checked_at"]
    search_fields = ["name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    readonly_fields = ["user", "created_at"]
