from django.utils.translation import gettext_lazy as _

from network_portal.errors import DomainError


class MentoringError(DomainError):
    pass


class NotAllowed(MentoringError):
    def __init__(self, message=None, **kwargs):
        super().__init__(message or _("You may not do this."), code="forbidden")


class IllegalMove(MentoringError):
    pass
