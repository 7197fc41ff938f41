"""Handoff tests against a real Redis."""

from __future__ import annotations

import pytest

from connectors.handoff.tickets import TicketStore


@pytest.fixture
def tickets(redis_client) -> TicketStore:
    return TicketStore(redis_client, ttl_seconds=3600, closed_ttl_seconds=600)
