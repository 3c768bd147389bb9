from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from accounts.admin import UserAdmin
from core.admin_filters import AutocompleteFilter, CountryListFilter
from core.admin_mixins import (
    AutocompleteFiltersAdmin,
    BoundedInline,
    KnownChoicesForm,
    LargeTableAdmin,
    MadeByServicesAdmin,
    ReadOnlyInline,
    RowAutocomplete,
    name_matches,
    person_matches,
)
from core.audit import log_action

from . import services
from .models import ROLES_BY_KIND, Invitation, Membership, Organisation, Sector


class MembershipForm(KnownChoicesForm):
    class Meta:
        model = Membership
        fields = ["user", "organisation", "role"]

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation is None and self.instance.organisation_id:
            organisation = self.instance.organisation
        role = data.get("role")
        if organisation is not None and role and role not in ROLES_BY_KIND[organisation.kind]:
            raise ValidationError(_("An organisation of this kind cannot have this role."))
        return data


def _create_membership(request, membership: Membership) -> Membership:
    return services.membership_create(
        actor=request.user,
        organisation=membership.organisation,
        user=membership.user,
        role=membership.role,
    )


def save_membership_formset(request, formset) -> None:
    """Write the rows of a membership inline through the membership services."""
    formset.save(commit=False)
    for membership in formset.deleted_objects:
        services.membership_delete(actor=request.user, membership=membership)
    for membership, changed in formset.changed_objects:
        if {"user", "organisation"} & set(changed):
            # Another person or organisation: the old membership ends, a new one begins.
            old = Membership.objects.get(pk=membership.pk)
            services.membership_delete(actor=request.user, membership=old)
            _create_membership(request, membership)
        elif "role" in changed:
            services.membership_update(
                actor=request.user, membership=membership, role=membership.role
            )
    for membership in formset.new_objects:
        _create_membership(request, membership)


class MembershipInline(BoundedInline):
    """An organisation's memberships: the newest, each person's box showing the person
    read with the row (a school has hundreds of members; all are in the membership list)."""

    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]
    select_related = ("user", "organisation")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = RowAutocomplete(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UserMembershipInline(MembershipInline):
    """The person's memberships on the user admin. Accounts knows no app above it, so the
    inline is added from here (``UserAdmin.add_inline``) and writes through the membership
    services as the organisation admin's inline does."""

    fk_name = "user"
    autocomplete_fields = ["organisation"]
    save_formset = staticmethod(save_membership_formset)


UserAdmin.add_inline(UserMembershipInline)


class InvitationInline(BoundedInline, ReadOnlyInline):
    # Invitations carry a secret link that only the invitation service can make.
    model = Invitation
    fields = ["email", "role", "invited_by", "created_at", "expires_at", "accepted_at"]
    select_related = ("invited_by", "organisation")


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ["name", "slug", "organisation_count"]
    list_filter = [CountryListFilter.on("organisations__country"), "organisations__kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name_fi",)}

    @admin.display(description=_("organisations"), ordering="_count")
    def organisation_count(self, obj):
        return obj._count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_count=Count("organisations"))


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = [
        "name",
        "kind",
        "country",
        "municipality",
        "size_class",
        "business_id",
        "is_active",
    ]
    list_filter = ["kind", CountryListFilter.on("country"), "size_class", "is_active", "sectors"]
    search_fields = ["name", "business_id", "municipality", "region", "email"]
    prepopulated_fields = {"slug": ("name_fi",)}
    filter_horizontal = ["sectors"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MembershipInline, InvitationInline]
    list_per_page = 50

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log_action(
            actor=request.user,
            action="partners.organisation.updated" if change else "partners.organisation.created",
            target=obj,
            organisation=obj,
            data={"fields": sorted(form.changed_data), "via": "admin"},
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            save_membership_formset(request, formset)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(Membership)
class MembershipAdmin(LargeTableAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = [
        "role",
        "organisation__kind",
        CountryListFilter.on("organisation__country"),
        ("organisation", AutocompleteFilter),
    ]
    search_fields = ["user", "organisation"]
    search_matches = {"user": person_matches, "organisation": name_matches("name")}
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    # The newest first, by the index "membership_newest" (the model's order, by the
    # organisation's name, would sort every membership).
    ordering = ["-created_at", "-id"]
    sortable_by = ["created_at"]
    form = MembershipForm

    def get_readonly_fields(self, request, obj=None):
        # A membership is one person in one organisation; only its role changes.
        return ["user", "organisation", "created_at"] if obj is not None else ["created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            saved = services.membership_update(actor=request.user, membership=obj, role=obj.role)
        else:
            saved = _create_membership(request, obj)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.membership_delete(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("organisation", "user"):
            try:
                services.membership_delete(actor=request.user, membership=membership)
            except services.PartnersError as error:
                self.message_user(request, f"{membership}: {error}", messages.WARNING)


class InvitationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Invitation.State.choices

    def queryset(self, request, queryset):
        unanswered = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        return {
            Invitation.State.PENDING: queryset.pending(),
            Invitation.State.ACCEPTED: queryset.filter(accepted_at__isnull=False),
            Invitation.State.REVOKED: queryset.filter(
                revoked_at__isnull=False, accepted_at__isnull=True
            ),
            Invitation.State.EXPIRED: unanswered.filter(expires_at__lte=timezone.now()),
        }.get(self.value(), queryset)


@admin.register(Invitation)
class InvitationAdmin(AutocompleteFiltersAdmin, MadeByServicesAdmin):
    list_display = ["email", "organisation", "role", "state_display", "created_at", "expires_at"]
    list_filter = [InvitationStateFilter, "role", ("organisation", AutocompleteFilter)]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    # Every field but the key and the token's hash, none editable: the services write them.
    readonly_fields = [
        f.name for f in Invitation._meta.fields if f.name not in {"id", "token_hash"}
    ]
    date_hierarchy = "created_at"

    @admin.display(description=_("state"))
    def state_display(self, obj):
        return obj.get_state_display()
