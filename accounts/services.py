"""Writes on a person's own account."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError

from . import erasure, personal_data
from .models import PROFILE_FIELDS, User


class AccountError(DomainError):
    pass


@transaction.atomic
def user_update_profile(*, actor: User, user: User, data: dict) -> User:
    if actor.pk != user.pk:
        raise AccountError(_("You may only change your own profile."), code="forbidden")
    changed = [f for f in PROFILE_FIELDS if f in data and getattr(user, f) != data[f]]
    for field in changed:
        setattr(user, field, data[field])
    if changed:
        user.full_clean(exclude=["password", "email"])
        user.save(update_fields=changed)
        # Only which fields changed: the values are the person's own business.
        log_action(
            actor=actor,
            action="accounts.user.profile_updated",
            organisation=None,
            data={"fields": changed},
        )
    return user


def user_set_language(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise AccountError(_("That language is not available."), code="language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_erase(*, actor: User, user: User) -> None:
    """Delete the account and what belongs to it; keep anonymous traces where others need them.

    Rows that other people rely on (audit entries, awarded badges, signatures, their
    notices) stay, with the person's link, address and name removed; the person's files
    leave storage once the erasure is committed. Every app adds its own steps through
    ``personal_data.on_erase``, ``personal_data.files`` and ``personal_data.copy``.
    """
    if actor.pk != user.pk and not actor.is_superuser:
        raise AccountError(_("You may only delete your own account."), code="forbidden")
    for eraser in personal_data.erasers():
        eraser(user)
    erasure.erase_files(user)
    erasure.erase_copies(user)
    log_action(actor=None, action="accounts.user.erased", organisation=None)
    user.delete()
