"""The shared Redis connection: one retry policy for both services, against a real Redis."""

from __future__ import annotations

import asyncio

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from common.redis import CONNECT_TIMEOUT_SECONDS, connect, connect_url, guarded
from support.processes import start_redis


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    process, port = start_redis(tmp_path_factory.mktemp("redis"))
    yield port
    process.stop()


def connection_settings(client) -> dict:
    return client.connection_pool.connection_kwargs


@pytest.mark.parametrize("make", ["host", "url"])
def test_both_ways_in_get_the_full_retry_policy(make):
    client = connect("127.0.0.1", 6379, 0, None) if make == "host" else connect_url("redis://127.0.0.1:6379/0")
    settings = connection_settings(client)
    # A connect attempt that times out surfaces as asyncio's TimeoutError: it must be retried too.
    assert asyncio.TimeoutError in settings["retry_on_error"]
    assert ConnectionResetError in settings["retry_on_error"]
    assert settings["socket_connect_timeout"] == CONNECT_TIMEOUT_SECONDS
    assert settings["retry"] is not None
    assert settings["decode_responses"] is True


def test_the_read_timeout_is_the_callers():
    assert connection_settings(connect("127.0.0.1", 6379, 0, None))["socket_timeout"] == 5.0
    assert connection_settings(connect("127.0.0.1", 6379, 0, None, socket_timeout=20))["socket_timeout"] == 20
    assert connection_settings(connect_url("redis://127.0.0.1:6379/0", socket_timeout=None))["socket_timeout"] is None


async def test_a_client_reads_and_writes_strings(redis_port):
    client = connect_url(f"redis://127.0.0.1:{redis_port}/3")
    try:
        await client.set("uv:test:key", "verdi")
        assert await client.get("uv:test:key") == "verdi"
        direct = connect("127.0.0.1", redis_port, 3, None)
        assert await direct.get("uv:test:key") == "verdi"
        await direct.connection_pool.disconnect()
    finally:
        await client.connection_pool.disconnect()


class Unavailable(Exception):
    """Stands for a service's own "store unavailable" error."""


async def test_a_failed_call_becomes_the_callers_unavailable_error():
    async def ok():
        return 7

    async def dropped():
        raise RedisConnectionError("gone")

    async def reset():
        raise ConnectionResetError("reset")

    async def bug():
        raise KeyError("not Redis")

    assert await guarded(ok(), "content", Unavailable) == 7
    with pytest.raises(Unavailable, match=r"^The content store is unavailable \(ConnectionError\)\.$"):
        await guarded(dropped(), "content", Unavailable)
    with pytest.raises(Unavailable, match=r"^The account store is unavailable\.$"):
        await guarded(reset(), "account", Unavailable, name_the_error=False)
    with pytest.raises(KeyError):  # not a Redis or socket error: not the store's fault
        await guarded(bug(), "content", Unavailable)
