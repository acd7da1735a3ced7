"""Domain errors raised by services; views turn them into messages in the user's language."""

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain refused the change. `message` is a translatable, user-facing text."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class IllegalTransition(DomainError):
    """A state machine refused to move from one state to another."""
