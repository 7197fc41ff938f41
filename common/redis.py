"""The one way both services open Redis: short timeouts, and a retry after a dropped connection,
so a Redis restart (AOF keeps the data) costs one slow request, not a burst of errors.

A connect attempt that times out is retried too. Rasa runs its NLU on the event loop, so during a
burst the loop can stall for seconds; a connection that the OS opened at once then "times out"
before the loop gets to it. Without a retry redis-py gives up (it retries only its own exception
types, and a connect timeout surfaces as asyncio's), and a widget session was handed out as
created-without-the-store and refused as unknown on its first message (found by `make loadtest`).

`guarded` turns a call that fails all the same into the caller's own "store unavailable" error.

Works with redis-py 4.6 (the bot env) and 8.x (the service env).
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, TypeVar

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

T = TypeVar("T")

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


async def guarded(operation: Awaitable[T], store: str, unavailable: Callable[[str], Exception], *,
                  name_the_error: bool = True) -> T:
    """Await one Redis `operation` (a command or a pipeline's execute). A Redis or socket error
    becomes `unavailable("The <store> store is unavailable (ConnectionError).")`, the caller's
    own error class (the error's type in brackets when `name_the_error`)."""
    try:
        return await operation
    except (RedisError, OSError) as exc:
        detail = f" ({type(exc).__name__})" if name_the_error else ""
        raise unavailable(f"The {store} store is unavailable{detail}.") from exc
