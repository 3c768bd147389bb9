from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from . import audit
from .admin_filters import AutocompleteFilter, CountryListFilter, RegisteredValuesFilter
from .admin_mixins import LargeTableAdmin, MadeByServicesAdmin, name_matches, person_matches
from .models import AuditEntry


def _registered_actions() -> dict[str, StrOrPromise]:
    return dict(audit._labels)


@admin.register(AuditEntry)
class AuditEntryAdmin(LargeTableAdmin, MadeByServicesAdmin):
    list_display = ["created_at", "actor", "action_display", "target_repr", "organisation"]
    list_filter = [
        RegisteredValuesFilter.on("action", _registered_actions, _("action")),
        CountryListFilter.on("organisation__country"),
        ("organisation", AutocompleteFilter),
    ]
    # The start of an action's name, who made it, or the organisation by name.
    search_fields = ["action__startswith", "actor", "organisation"]
    search_matches = {"actor": person_matches, "organisation": name_matches("name")}
    list_select_related = ["actor", "organisation"]
    # The newest first, by the index on the time.
    sortable_by = ["created_at"]
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
