from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import LargeTableAdmin

from .models import User


@admin.register(User)
class UserAdmin(LargeTableAdmin, BaseUserAdmin):
    # By the unique index on the address; the people (tens of thousands) are read through
    # without joining, a part of the address or the name found by a scan of this table.
    ordering = ["email"]
    sortable_by = ["email"]
    list_display = ["email", "full_name", "language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "language", "memberships__role", "gender"]
    search_fields = ["email__icontains", "full_name__icontains"]
    readonly_fields = ["date_joined", "last_login"]
    #: The rows other apps keep about the person (the memberships), added by those apps
    #: through ``add_inline``: accounts knows no app above it.
    inlines: ClassVar[list[type[InlineModelAdmin[Any, Any]]]] = []

    @classmethod
    def add_inline(cls, inline: type[InlineModelAdmin[Any, Any]]) -> None:
        """Show ``inline`` on the person's page. An inline whose rows are written through
        its app's services says how with a ``save_formset(request, formset)`` of its own."""
        cls.inlines = [*cls.inlines, inline]

    def save_formset(self, request, form, formset, change):
        for inline in self.inlines:
            save = getattr(inline, "save_formset", None)
            if inline.model is formset.model and save is not None:
                save(request, formset)
                return
        super().save_formset(request, form, formset, change)

    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "language")}),
        (
            _("Self-declared statistics"),
            {"fields": ("gender", "birth_year", "labour_market_status")},
        ),
        (
            _("Access"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("date_joined", "last_login")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )
