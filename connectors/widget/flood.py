"""Flood protection shared by every Rasa instance: at most N messages per session in a sliding
window, counted in Redis (one small sorted set per session that expires with the window). When
Redis cannot be reached the process's own counter decides, so a flood is still refused and a
normal conversation is never blocked by the outage.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from typing import Callable

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from .rate_limit import SlidingWindowLimiter

logger = logging.getLogger(__name__)

KEY_PREFIX = "uv:widget:flood:"

# KEYS[1] the session's window; ARGV: now (ms), window (ms), max events, a unique member.
# Returns {1, 0} when the message counts, {0, ms until the oldest leaves the window} when not.
_ALLOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])}
"""


@dataclass(frozen=True)
class FloodDecision:
    allowed: bool
    retry_after_seconds: float = 0.0


class SharedFloodLimiter:
    def __init__(
        self,
        client: aioredis.Redis,
        max_events: int,
        window_seconds: float,
        *,
        clock: Callable[[], float] = time.time,
        prefix: str = KEY_PREFIX,
    ) -> None:
        self._redis = client
        self._prefix = prefix
        self._max_events = max_events
        self._window_ms = int(window_seconds * 1000)
        self._clock = clock
        self._script = client.register_script(_ALLOW)
        self._fallback = SlidingWindowLimiter(max_events, window_seconds)

    def key(self, session: str) -> str:
        return self._prefix + session

    async def check(self, session: str) -> FloodDecision:
        """Count one message for `session`, unless it is over the limit (then it is not counted)."""
        now_ms = int(self._clock() * 1000)
        try:
            allowed, wait_ms = await self._script(
                keys=[self.key(session)],
                args=[now_ms, self._window_ms, self._max_events, f"{now_ms}-{secrets.token_hex(4)}"],
            )
        except (RedisError, OSError):
            logger.warning("flood limit counted in this process only: Redis is unavailable")
            if self._fallback.allow(session):
                return FloodDecision(True)
            return FloodDecision(False, self._fallback.retry_after(session))
        return FloodDecision(bool(allowed), max(0.0, int(wait_ms) / 1000))

    async def forget(self, session: str) -> None:
        self._fallback.forget(session)
        try:
            await self._redis.delete(self.key(session))
        except (RedisError, OSError):
            pass  # the window expires on its own within seconds
