"""Admin screens that join two apps, wired by the project, which may import any app.

The person's memberships on the user admin: accounts knows no app above it, so the
inline is added here (``UserAdmin.add_inline``) and writes through the membership
services as the organisation admin's inline does."""

from django.contrib import admin

from accounts.admin import UserAdmin
from partners.admin import MembershipForm, save_membership_formset
from partners.models import Membership


class UserMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["created_at"]

    @staticmethod
    def save_formset(request, formset) -> None:
        save_membership_formset(request, formset)


UserAdmin.add_inline(UserMembershipInline)
