from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_actions import workflow_action
from core.admin_filters import AutocompleteFilter
from core.admin_mixins import (
    AutocompleteFiltersAdmin,
    BoundedInline,
    LargeTableAdmin,
    MadeByServicesAdmin,
    ReadOnlyInline,
    name_matches,
    person_matches,
)

from . import services
from .models import CalendarFeed, Event, Material, Registration


class RegistrationInline(BoundedInline, ReadOnlyInline):
    """Registrations go through the service that guards capacity."""

    model = Registration
    fields = ["user", "status", "created_at", "checked_in_at"]
    select_related = ("user",)


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0


@admin.register(Event)
class EventAdmin(AutocompleteFiltersAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "registered", "is_published"]
    list_filter = ["kind", "is_published", ("organisers", AutocompleteFilter), "sectors"]
    search_fields = ["title", "description", "venue"]
    filter_horizontal = ["organisers", "sectors"]
    readonly_fields = ["registered", "created_by", "created_at"]
    raw_id_fields = ["badge"]
    date_hierarchy = "starts_at"
    inlines = [MaterialInline, RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(LargeTableAdmin, MadeByServicesAdmin):
    list_display = ["event", "user", "status", "created_at", "checked_in_at"]
    list_filter = ["status", ("event", AutocompleteFilter)]
    search_fields = ["user", "event"]
    search_matches = {"user": person_matches, "event": name_matches("title")}
    # In the order they came, by the index "registration_order".
    sortable_by = ["created_at"]
    list_select_related = ["event", "user"]
    readonly_fields = ["event", "user", "status", "created_at", "checked_in_at"]
    actions = [
        workflow_action(
            "registration_cancel",
            _("Cancel the selected registrations"),
            lambda *, actor, obj, comment: services.cancel(actor=actor, registration=obj),
        )
    ]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "email"]
    list_select_related = ["user"]
    list_filter = ["user__language"]
    search_fields = ["user__email"]
    readonly_fields = ["user"]

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def email(self, obj):
        return obj.user.email
