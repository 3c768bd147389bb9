"""The errors outreach services raise when they refuse (all are ``DomainError``s)."""

from core.errors import DomainError, NotAllowed


class OutreachError(DomainError):
    pass


class SurveyError(OutreachError):
    pass


def require(allowed: object) -> None:
    if not allowed:
        raise NotAllowed
