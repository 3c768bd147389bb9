"""The errors outreach services raise when they refuse (all are ``DomainError``s)."""

from core.errors import DomainError


class OutreachError(DomainError):
    pass


class SurveyError(OutreachError):
    pass
