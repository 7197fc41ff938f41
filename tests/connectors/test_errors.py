"""The channels' one error tree: every answer the console, the widget and REST give on failure."""

from __future__ import annotations

import json

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from connectors.errors import (
    ChannelError,
    ForbiddenError,
    StoreUnavailableError,
    TicketError,
    UnauthorizedError,
    store_call,
)


def test_the_console_and_ticket_errors_are_channel_errors():
    assert issubclass(TicketError, ChannelError) and issubclass(UnauthorizedError, ChannelError)
    assert (UnauthorizedError("x").status, ForbiddenError("x").status, TicketError("x").status) == (401, 403, 409)
    forbidden = ForbiddenError("another team's")
    assert (forbidden.status, forbidden.code, TicketError("x").code) == (403, "forbidden", "conflict")
    reply = forbidden.to_response()
    assert reply.status == 403
    assert json.loads(reply.body) == {"error": {"code": "forbidden", "message": "another team's"}}


async def test_a_redis_failure_becomes_store_unavailable():
    async def ok():
        return 7

    async def broken():
        raise RedisConnectionError("gone")

    assert await store_call(ok(), "conversation") == 7
    with pytest.raises(StoreUnavailableError) as named:
        await store_call(broken(), "conversation")
    assert named.value.message == "The conversation store is unavailable (ConnectionError)."
    assert named.value.status == 503
    with pytest.raises(StoreUnavailableError) as plain:
        await store_call(broken(), "account", name_the_error=False)
    assert plain.value.message == "The account store is unavailable."
