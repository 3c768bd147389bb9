from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_actions import workflow_action
from core.admin_filters import AutocompleteFilter
from core.admin_mixins import AutocompleteFiltersAdmin

from .models import Enquiry, Material, Need, Service, Topic
from .services import enquiry_close


@admin.register(Need)
class NeedAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    list_filter = ["services__form"]
    search_fields = ["name", "slug"]


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    list_display = ["title", "provider", "form", "language", "online", "advisor", "is_active"]
    list_filter = ["form", "language", "online", "is_active", "sector", "needs"]
    search_fields = ["title", "description", "provider__name"]
    list_select_related = ["provider", "advisor"]
    autocomplete_fields = ["provider"]
    raw_id_fields = ["advisor"]
    filter_horizontal = ["needs"]


@admin.register(Enquiry)
class EnquiryAdmin(AutocompleteFiltersAdmin):
    list_display = ["service", "asked_by", "status", "created_at", "answered_at"]
    list_filter = ["status", ("service__provider", AutocompleteFilter)]
    search_fields = ["question", "answer", "asked_by__email", "service__title"]
    list_select_related = ["service", "asked_by"]
    raw_id_fields = ["asked_by", "company"]
    # Answering and closing go through the enquiry page, which tells the person who asked.
    readonly_fields = ["status", "answered_by", "answered_at"]
    actions = [
        workflow_action(
            "enquiry_close",
            _("Close the selected enquiries"),
            lambda *, actor, obj, comment: enquiry_close(actor=actor, enquiry=obj),
        )
    ]


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    list_filter = ["materials__language"]
    search_fields = ["name", "slug"]


@admin.register(Material)
class MaterialAdmin(TranslationAdmin):
    list_display = [
        "title",
        "organisation",
        "language",
        "licence",
        "is_public",
        "downloads",
        "created_at",
    ]
    list_filter = ["language", "licence", "is_public", "topics", "sector"]
    search_fields = ["title", "description", "organisation__name", "url"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["uploaded_by"]
    filter_horizontal = ["topics"]
    readonly_fields = ["downloads"]
    date_hierarchy = "created_at"
