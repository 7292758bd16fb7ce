"""The domain error that services raise and views turn into a message."""


class PortalError(Exception):
    """A rule of the partnership refused an action; the message is for the user."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
