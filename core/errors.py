"""The one family of errors a service raises when it refuses: every app's errors derive
from ``DomainError``, and "not allowed" and "illegal move" are the same everywhere."""

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class DomainError(Exception):
    """A refused change. ``message`` is translated and safe to show the user; ``code``
    says which rule refused it."""

    def __init__(self, message: StrOrPromise, *, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)


class NotAllowed(DomainError):
    """The actor may not make this change."""

    def __init__(self, message: StrOrPromise | None = None, **kwargs: object) -> None:
        super().__init__(message or _("You may not do this."), code="forbidden")


class IllegalMove(DomainError):
    """The change is not possible from the object's current state."""


def require(allowed: object) -> None:
    """Refuse with ``NotAllowed`` unless ``allowed``: a service's permission check."""
    if not allowed:
        raise NotAllowed
