from django.utils.translation import gettext_lazy as _

from core.errors import DomainError, IllegalMove, NotAllowed


class ExchangeError(DomainError):
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


__all__ = ["AlreadyApplied", "ExchangeError", "IllegalMove", "NoSeats", "NotAllowed"]
