"""The one way the channels open Redis: short timeouts, and a retry after a dropped connection, so
a Redis restart (AOF keeps the data) costs one slow request, not a burst of errors.

A connect attempt that times out is retried too. Rasa runs its NLU on the event loop, so during a
burst the loop can stall for seconds; a connection that the OS opened at once then "times out"
before the loop gets to it. Without a retry redis-py gives up (it retries only its own exception
types, and a connect timeout surfaces as asyncio's), and a widget session was handed out as
created-without-the-store and refused as unknown on its first message (found by `make loadtest`)."""

from __future__ import annotations

import asyncio

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError


def connect(host: str, port: int, db: int, password: str | None, *, socket_timeout: float = 5.0) -> aioredis.Redis:
    return aioredis.Redis(
        host=host,
        port=port,
        db=db,
        password=password,
        decode_responses=True,
        socket_connect_timeout=2,
        socket_timeout=socket_timeout,
        health_check_interval=30,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), retries=3),
        retry_on_error=[RedisConnectionError, RedisTimeoutError, ConnectionResetError, asyncio.TimeoutError],
    )
