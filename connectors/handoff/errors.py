"""Handoff errors.

    HandoffError
    ├── HandoffConfigError   teams.yml, the service catalogue or the accounts are not usable
    └── TicketError          a ticket operation that cannot be done (with an HTTP status)
"""

from __future__ import annotations


class HandoffError(Exception):
    pass


class HandoffConfigError(HandoffError):
    pass


class TicketError(HandoffError):
    def __init__(self, message: str, *, status: int = 409, code: str = "conflict") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
