from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from partners.admin import MembershipForm, save_membership_formset
from partners.models import Membership

from .models import User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "language", "memberships__role", "gender"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["date_joined", "last_login"]
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            save_membership_formset(request, formset)
        else:
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
