from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_actions import workflow_action
from core.admin_mixins import MadeByServicesAdmin, ReadOnlyInline

from . import services
from .models import CalendarFeed, Event, Material, Registration


class RegistrationInline(ReadOnlyInline):
    """Registrations go through the service that guards capacity."""

    model = Registration
    fields = ["user", "status", "created_at", "checked_in_at"]


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "registered", "is_published"]
    list_filter = ["kind", "is_published", "organisers", "sectors"]
    search_fields = ["title", "description", "venue"]
    filter_horizontal = ["organisers", "sectors"]
    readonly_fields = ["registered", "created_by", "created_at"]
    raw_id_fields = ["badge"]
    date_hierarchy = "starts_at"
    inlines = [MaterialInline, RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(MadeByServicesAdmin):
    list_display = ["event", "user", "status", "created_at", "checked_in_at"]
    list_filter = ["status", "event"]
    search_fields = ["user__email", "user__full_name", "event__title"]
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
