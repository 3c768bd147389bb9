from core.errors import DomainError, IllegalMove, NotAllowed


class MentoringError(DomainError):
    pass


__all__ = ["IllegalMove", "MentoringError", "NotAllowed"]
