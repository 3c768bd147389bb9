from core.errors import DomainError, IllegalMove, NotAllowed


class PassportError(DomainError):
    pass


__all__ = ["IllegalMove", "NotAllowed", "PassportError"]
