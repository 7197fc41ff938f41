"""Handoff tests against a real Redis."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis

from connectors.handoff.tickets import TicketStore


@pytest.fixture
async def redis_client(redis_port, redis_db):
    client = aioredis.Redis(host="127.0.0.1", port=redis_port, db=redis_db, decode_responses=True)
    await client.flushdb()
    yield client
    await client.close()


@pytest.fixture
def tickets(redis_client) -> TicketStore:
    return TicketStore(redis_client, ttl_seconds=3600, closed_ttl_seconds=600)
