from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_filters import RegisteredValuesFilter
from core.admin_mixins import LargeTableAdmin, MadeByServicesAdmin, person_matches

from . import kinds, services
from .models import Notification, Preference


def _registered_kinds():
    return {key: kind.label for key, kind in kinds._kinds.items()}


@admin.register(Notification)
class NotificationAdmin(LargeTableAdmin, MadeByServicesAdmin):
    list_display = [
        "created_at",
        "kind",
        "address_display",
        "channel",
        "state",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = [
        "state",
        "channel",
        RegisteredValuesFilter.on("kind", _registered_kinds, _("kind")),
        "language",
    ]
    # The address of a person without an account, or the recipient by e-mail or name.
    search_fields = ["recipient", "email__iexact"]
    search_matches = {"recipient": person_matches}
    list_select_related = ["recipient"]
    # The newest first, by the index "notification_newest"; sorting by another column
    # would sort the whole outbox.
    sortable_by = ["created_at"]
    actions = ["retry"]
    readonly_fields = [
        "recipient",
        "email",
        "kind",
        "context",
        "language",
        "channel",
        "state",
        "attempts",
        "next_attempt_at",
        "last_error",
        "idempotency_key",
        "created_at",
        "sent_at",
        "read_at",
    ]

    @admin.display(description=_("to"))
    def address_display(self, obj):
        return obj.address

    @admin.action(description=_("Send the selected failed notices again"))
    def retry(self, request, queryset):
        count = services.retry_failed(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d notice is queued again.", "%(count)d notices are queued again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["delivery", "kind"]
    search_fields = ["user__email", "kind"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
