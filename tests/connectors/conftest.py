"""A real Redis for channel and handoff tests: one server per run, a fresh database per test."""

from __future__ import annotations

import itertools

import pytest
import redis.asyncio as aioredis

from support.processes import start_redis

_databases = itertools.cycle(range(1, 16))


@pytest.fixture(scope="session")
def redis_port(tmp_path_factory):
    process, port = start_redis(tmp_path_factory.mktemp("redis"))
    yield port
    process.stop()


@pytest.fixture
def redis_db() -> int:
    # Tests cannot see each other's keys: each gets a database of its own, flushed before use.
    return next(_databases)


@pytest.fixture
async def redis_client(redis_port, redis_db):
    """A client of the test's own database, flushed."""
    client = aioredis.Redis(host="127.0.0.1", port=redis_port, db=redis_db, decode_responses=True)
    await client.flushdb()
    yield client
    await client.close()
