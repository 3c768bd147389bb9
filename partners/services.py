"""Writes on organisations, memberships and invitations. One function per use case."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, require
from notifications.services import notify

from . import rules
from .models import ROLES_BY_KIND, Invitation, Membership, Organisation, Sector, hash_token

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import Model

    from accounts.models import User


class PartnersError(DomainError):
    pass


class InvitationError(PartnersError):
    pass


def _log(actor: User, action: str, target: Model, data: dict | None = None) -> None:
    """Audit ``partners.<action>`` on ``target`` in the log of its organisation (the target
    itself, for an organisation)."""
    log_action(
        actor=actor,
        action=f"partners.{action}",
        target=target,
        organisation=getattr(target, "organisation", target),
        data=data,
    )


def _check_role(organisation: Organisation, role: str) -> None:
    if role not in ROLES_BY_KIND[organisation.kind]:
        raise PartnersError(
            _("An organisation of this kind cannot have this role."), code="role_kind"
        )


@transaction.atomic
def organisation_update(
    *, actor: User, organisation: Organisation, data: dict, sectors: Iterable[Sector] | None = None
) -> Organisation:
    """Save changed fields of ``organisation``; ``data`` maps field names to new values."""
    require(rules.can_manage_organisation(actor, organisation))
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = []
    for field, value in data.items():
        if getattr(organisation, field) != value:
            setattr(organisation, field, value)
            changed.append(field)
    organisation.full_clean(exclude=["slug"])
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])
    if sectors is not None:
        before = set(organisation.sectors.values_list("pk", flat=True))
        after = {s.pk for s in sectors}
        if before != after:
            organisation.sectors.set(sectors)
            changed.append("sectors")
    if changed:
        _log(actor, "organisation.updated", organisation, {"fields": sorted(changed)})
    return organisation


@transaction.atomic
def membership_create(
    *, actor: User, organisation: Organisation, user: User, role: str
) -> Membership:
    """Give ``user`` a role. Used by invitations and by network admins."""
    _check_role(organisation, role)
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if created:
        _log(actor, "membership.created", membership, {"user_id": user.pk, "role": role})
        rules.forget_roles(user)
    return membership


@transaction.atomic
def membership_update(*, actor: User, membership: Membership, role: str) -> Membership:
    """Change the role of a membership (network admins do this in the admin)."""
    membership = (
        Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
    )
    organisation = membership.organisation
    require(rules.can_manage_organisation(actor, organisation))
    _check_role(organisation, role)
    before = membership.role
    if role == before:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    _log(
        actor,
        "membership.updated",
        membership,
        {"user_id": membership.user_id, "from": before, "to": role},
    )
    rules.forget_roles(membership.user)
    return membership


@transaction.atomic
def membership_delete(*, actor: User, membership: Membership) -> None:
    organisation = membership.organisation
    require(rules.can_manage_organisation(actor, organisation))
    manager_role = rules.MANAGER_ROLE_BY_KIND[organisation.kind]
    if membership.user_id == actor.pk and membership.role == manager_role:
        others = Membership.objects.filter(organisation=organisation, role=manager_role)
        if not others.exclude(pk=membership.pk).exists():
            raise PartnersError(
                _("You are the only one managing this organisation. Invite someone else first."),
                code="last_manager",
            )
    _log(
        actor,
        "membership.deleted",
        membership,
        {"user_id": membership.user_id, "role": membership.role},
    )
    member = membership.user
    removed_key = f"partners.membership_removed:{membership.pk}"
    membership.delete()
    rules.forget_roles(member)
    if member.pk != actor.pk:
        notify(
            kind="partners.membership_removed",
            key=removed_key,
            recipient=member,
            context={"organisation_name": organisation.name, "role": membership.role},
        )


@transaction.atomic
def invitation_create(
    *, actor: User, organisation: Organisation, email: str, role: str, language: str | None = None
) -> tuple[Invitation, str]:
    """Invite ``email`` to ``organisation`` with ``role``; returns the invitation and its token."""
    if not rules.can_invite(actor, organisation, role):
        raise InvitationError(_("You may not invite people with this role here."), code="role")
    email = email.strip().lower()
    if Membership.objects.filter(
        organisation=organisation, role=role, user__email__iexact=email
    ).exists():
        raise InvitationError(
            _("This person already has this role in the organisation."), code="member"
        )
    if (
        Invitation.objects.pending()
        .filter(organisation=organisation, role=role, email__iexact=email)
        .exists()
    ):
        raise InvitationError(
            _("An invitation to this address with this role is already waiting."),
            code="duplicate",
        )
    token = Invitation.new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    _log(actor, "invitation.created", invitation, {"role": role})
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL + reverse("partners:invitation_accept", kwargs={"token": token})
    notify(
        kind="partners.invitation",
        key=f"partners.invitation:{invitation.pk}",
        email=email,
        language=language,
        context={
            "organisation_name": organisation.name,
            "role": role,
            "inviter_name": actor.full_name,
            "secret_url": url,
            "expires_at": invitation.expires_at.isoformat(),
        },
    )
    return invitation, token


def _check_usable(invitation: Invitation) -> None:
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        raise InvitationError(_("This invitation has already been used."), code="used")
    if state == Invitation.State.REVOKED:
        raise InvitationError(_("This invitation has been withdrawn."), code="revoked")
    if state == Invitation.State.EXPIRED:
        raise InvitationError(_("This invitation has expired. Ask for a new one."), code="expired")


def _has_verified_address(user: User, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def invitation_accept(*, actor: User, invitation: Invitation) -> Membership:
    """Give ``actor`` the invited role, once, if the invitation was sent to their address."""
    # Lock the row: two clicks at once must not both get through.
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .get(pk=invitation.pk)
    )
    _check_usable(invitation)
    if not _has_verified_address(actor, invitation.email):
        raise InvitationError(
            _(
                "This invitation was sent to another e-mail address. Log in with the "
                "address it was sent to, or add and verify that address in your account."
            ),
            code="wrong_email",
        )
    organisation = invitation.organisation
    try:
        with transaction.atomic():
            membership = membership_create(
                actor=actor, organisation=organisation, user=actor, role=invitation.role
            )
    except IntegrityError as error:  # pragma: no cover - the row lock makes this rare
        raise InvitationError(_("This invitation has already been used."), code="used") from error
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _log(actor, "invitation.accepted", invitation, {"role": invitation.role})
    if invitation.invited_by is not None:
        notify(
            kind="partners.invitation_accepted",
            key=f"partners.invitation_accepted:{invitation.pk}",
            recipient=invitation.invited_by,
            context={
                "organisation_name": organisation.name,
                "member_name": actor.full_name,
                "role": invitation.role,
                "link": {
                    "name": "partners:organisation_members",
                    "kwargs": {"slug": organisation.slug},
                },
            },
        )
    return membership


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    require(rules.can_manage_organisation(actor, invitation.organisation))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _check_usable(invitation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    _log(actor, "invitation.revoked", invitation)
    return invitation
