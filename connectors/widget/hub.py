"""Every open event stream of a process fed by one Redis reader, and the caps on open streams.

`StreamHub`: a widget's `GET /stream` used to hold a blocking XREAD of its own, so 200 open
streams meant 200 Redis connections. Now each process runs one loop that reads every followed
conversation's log in a single `XREAD BLOCK` (at most `block_seconds`, so a stream that joins is
read within that) and fans the messages out to the streams' queues. A stream registers first and
then reads what it missed (XRANGE); anything read twice is dropped by id, so nothing is lost and
nothing is sent twice.

`StreamSlots`: at most `per_session` open streams per conversation and `per_address` per client
address, counted in Redis (a sorted set of stream ids, refreshed while the stream lives, so a
crashed instance's streams fall out after `stale_seconds`); the address is kept as a hash.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from common import redis_keys
from common.clock import now_ms
from common.proxy import address_key

from ..errors import StoreUnavailableError
from ..transcript import decode_entry
from .store import PREFIX

logger = logging.getLogger(__name__)

_FAILED = object()


def _newer(message_id: str, than: str) -> bool:
    """Stream ids compare as (ms, sequence)."""
    a, b = message_id.split("-"), than.split("-")
    return (int(a[0]), int(a[1])) > (int(b[0]), int(b[1]))


class Subscription:
    """One open stream's view of the hub: `next(timeout)` gives new messages in order."""

    def __init__(self, session: str, after: str) -> None:
        self.session = session
        self.after = after
        self._queue: asyncio.Queue = asyncio.Queue()

    def deliver(self, messages: list[dict[str, Any]] | object) -> None:
        self._queue.put_nowait(messages)

    def fresh(self, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The messages after the last one this stream sent; moves `after` on."""
        new = [m for m in messages if _newer(m["id"], self.after)]
        if new:
            self.after = new[-1]["id"]
        return new

    async def next(self, timeout: float) -> list[dict[str, Any]]:
        """New messages, or [] after `timeout` seconds. Raises StoreUnavailableError when the
        hub's reader lost Redis."""
        try:
            item = await asyncio.wait_for(self._queue.get(), timeout)
        except asyncio.TimeoutError:
            return []
        if item is _FAILED:
            raise StoreUnavailableError("The conversation store is unavailable.")
        return self.fresh(item)


class StreamHub:
    def __init__(self, client: aioredis.Redis, block_seconds: float = 1.0, batch: int = 100) -> None:
        self._redis = client
        self._block_ms = int(block_seconds * 1000)
        self._batch = batch
        self._subscribers: dict[str, set[Subscription]] = {}
        self._positions: dict[str, str] = {}
        self._task: asyncio.Task | None = None

    @property
    def following(self) -> int:
        """How many conversations the reader follows (for tests and health)."""
        return len(self._subscribers)

    def subscribe(self, session: str, after: str) -> Subscription:
        subscription = Subscription(session, after)
        known = self._positions.get(session)
        if known is None or _newer(known, after):
            # Read from the earliest point any stream of this conversation still needs.
            self._positions[session] = after
        self._subscribers.setdefault(session, set()).add(subscription)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        subscribers = self._subscribers.get(subscription.session)
        if subscribers is None:
            return
        subscribers.discard(subscription)
        if not subscribers:
            del self._subscribers[subscription.session]
            self._positions.pop(subscription.session, None)

    async def _run(self) -> None:
        while self._subscribers:
            streams = {redis_keys.transcript(session): self._positions[session] for session in self._subscribers}
            try:
                found = await self._redis.xread(streams, block=self._block_ms, count=self._batch)
            except (RedisError, OSError) as exc:
                logger.warning("widget streams: the store went away (%s)", type(exc).__name__)
                for subscribers in self._subscribers.values():
                    for subscription in subscribers:
                        subscription.deliver(_FAILED)
                await asyncio.sleep(1.0)
                continue
            for key, entries in found or []:
                session = key[len(redis_keys.TRANSCRIPT_PREFIX):]
                if session not in self._subscribers or not entries:
                    continue
                messages = [decode_entry(message_id, fields).to_json() for message_id, fields in entries]
                self._positions[session] = entries[-1][0]
                for subscription in list(self._subscribers[session]):
                    subscription.deliver(messages)


# KEYS: the conversation's and the address's open streams; ARGV: now (ms), stale (ms), a stream
# id, the cap per conversation, the cap per address. 1 when the stream may open (and is counted).
_ACQUIRE = """
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return 0 end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[1], ARGV[3])
  redis.call('PEXPIRE', key, ARGV[2])
end
return 1
"""


class StreamSlots:
    def __init__(self, client: aioredis.Redis, per_session: int, per_address: int, stale_seconds: float) -> None:
        self._redis = client
        self._caps = (per_session, per_address)
        self._stale_ms = int(stale_seconds * 1000)
        self._acquire = client.register_script(_ACQUIRE)

    @staticmethod
    def _keys(session: str, address: str) -> list[str]:
        return [f"{PREFIX}:streams:session:{session}", f"{PREFIX}:streams:address:{address_key(address)}"]

    async def acquire(self, session: str, address: str) -> str | None:
        """A slot id, or None when the conversation or the address has all its streams open."""
        slot = secrets.token_hex(8)
        try:
            ok = await self._acquire(
                keys=self._keys(session, address), args=[now_ms(), self._stale_ms, slot, *self._caps]
            )
        except (RedisError, OSError) as exc:
            raise StoreUnavailableError("The conversation store is unavailable.") from exc
        return slot if ok else None

    async def refresh(self, session: str, address: str, slot: str) -> None:
        now = now_ms()
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for key in self._keys(session, address):
                    pipe.zadd(key, {slot: now}, xx=True)
                    pipe.pexpire(key, self._stale_ms)
                await pipe.execute()
        except (RedisError, OSError):
            pass  # the slot falls out by itself

    async def release(self, session: str, address: str, slot: str) -> None:
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for key in self._keys(session, address):
                    pipe.zrem(key, slot)
                await pipe.execute()
        except (RedisError, OSError):
            pass  # the slot falls out by itself
