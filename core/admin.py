from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .admin_filters import CountryListFilter
from .admin_mixins import MadeByServicesAdmin
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(MadeByServicesAdmin):
    list_display = ["created_at", "actor", "action_display", "target_repr", "organisation"]
    list_filter = ["action", CountryListFilter.on("organisation__country")]
    search_fields = ["action", "target_repr", "actor__email", "organisation__name"]
    list_select_related = ["actor", "organisation"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at",
        "actor",
        "action",
        "target_type",
        "target_id",
        "target_repr",
        "organisation",
        "data",
    ]

    @admin.display(description=_("action"))
    def action_display(self, obj: AuditEntry) -> str:
        return obj.action_display

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False
