"""The shared flood limit: counted in Redis, so two Rasa instances see one count per session."""

from __future__ import annotations

import redis.asyncio as aioredis

from connectors.widget.flood import SharedFloodLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


async def test_two_instances_share_one_count(store):
    clock = Clock()
    first = SharedFloodLimiter(store.client, max_events=3, window_seconds=10, clock=clock)
    second = SharedFloodLimiter(store.client, max_events=3, window_seconds=10, clock=clock)
    decisions = [await limiter.check("s1") for limiter in (first, second, first, second)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert 9.9 <= decisions[-1].retry_after_seconds <= 10
    assert (await second.check("s2")).allowed  # sessions are counted apart
    clock.now += 10.001
    assert (await second.check("s1")).allowed


async def test_refused_messages_are_not_counted_and_the_window_expires_in_redis(store):
    clock = Clock()
    limiter = SharedFloodLimiter(store.client, max_events=1, window_seconds=10, clock=clock)
    assert (await limiter.check("s1")).allowed
    clock.now += 9
    refused = await limiter.check("s1")
    assert not refused.allowed and 0.9 <= refused.retry_after_seconds <= 1.0
    clock.now += 1.001
    assert (await limiter.check("s1")).allowed
    assert 0 < await store.client.pttl(limiter.key("s1")) <= 10_000
    await limiter.forget("s1")
    assert await store.client.exists(limiter.key("s1")) == 0


async def test_without_redis_the_process_still_refuses_a_flood():
    unreachable = aioredis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    limiter = SharedFloodLimiter(unreachable, max_events=2, window_seconds=10)
    assert [(await limiter.check("s1")).allowed for _ in range(3)] == [True, True, False]
    await limiter.forget("s1")
    assert (await limiter.check("s1")).allowed
    await unreachable.close()
