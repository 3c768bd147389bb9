from django.utils.translation import gettext_lazy as _

from network_portal.errors import DomainError


class ExchangeError(DomainError):
    pass


class NotAllowed(ExchangeError):
    def __init__(self, message=None, **kwargs):
        super().__init__(message or _("You may not do this."), code="forbidden")


class IllegalMove(ExchangeError):
    pass


class NoSeats(ExchangeError):
    pass


class AlreadyApplied(ExchangeError):
    """The applicant has a live application for the offer: ``application``."""

    def __init__(self, application):
        super().__init__(
            _("You have already applied for this offer; here is your application."),
            code="already_applied",
        )
        self.application = application
