from django.utils.translation import gettext_lazy as _

from network_portal.errors import DomainError


class PassportError(DomainError):
    pass


class NotAllowed(PassportError):
    def __init__(self, message=None, **kwargs):
        super().__init__(message or _("You may not do this."), code="forbidden")


class IllegalMove(PassportError):
    pass
