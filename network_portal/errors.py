class DomainError(Exception):
    """An illegal move in a workflow. ``message`` is translated and safe to show the user."""

    def __init__(self, message, *, code: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return str(self.message)
