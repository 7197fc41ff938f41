"""The one way both services open Redis: short timeouts, and a retry after a dropped connection,
so a Redis restart (AOF keeps the data) costs one slow request, not a burst of errors.

A connect attempt that times out is retried too. Rasa runs its NLU on the event loop, so during a
burst the loop can stall for seconds; a connection that the OS opened at once then "times out"
before the loop gets to it. Without a retry redis-py gives up (it retries only its own exception
types, and a connect timeout surfaces as asyncio's), and a widget session was handed out as
created-without-the-store and refused as unknown on its first message (found by `make loadtest`).

Works with redis-py 4.6 (the bot env) and 8.x (the service env).
"""

from __future__ import annotations

import asyncio
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

CONNECT_TIMEOUT_SECONDS = 2.0
RETRIES = 3
RETRY_ON = (RedisConnectionError, RedisTimeoutError, ConnectionResetError, asyncio.TimeoutError)


def _policy(socket_timeout: float | None) -> dict[str, Any]:
    return {
        "decode_responses": True,
        "socket_connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "socket_timeout": socket_timeout,
        "health_check_interval": 30,
        "retry": Retry(ExponentialBackoff(cap=1.0, base=0.1), retries=RETRIES),
        "retry_on_error": list(RETRY_ON),
    }


def connect(host: str, port: int, db: int, password: str | None, *, socket_timeout: float | None = 5.0) -> aioredis.Redis:
    """A client for one Redis database (strings decoded). `socket_timeout` in seconds bounds each
    command (None: no bound, for a connection that blocks on pub/sub)."""
    return aioredis.Redis(host=host, port=port, db=db, password=password, **_policy(socket_timeout))


def connect_url(url: str, *, socket_timeout: float | None = 5.0) -> aioredis.Redis:
    """As `connect`, for a `redis://[:password@]host:port/db` URL."""
    return aioredis.Redis.from_url(url, **_policy(socket_timeout))
