"""Handoff set-up errors (the command line and start-up; not HTTP answers).

    HandoffError
    └── HandoffConfigError   teams.yml, the service catalogue or the accounts are not usable

A ticket operation that cannot be done is a `connectors.errors.TicketError`, a `ChannelError`
like every other answer of the console.
"""

from __future__ import annotations


class HandoffError(Exception):
    pass


class HandoffConfigError(HandoffError):
    pass
