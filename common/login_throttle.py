"""Failed logins counted in Redis, per username and per client address, for the caseworker console
and the knowledge base's admin API (standard library only; the Redis client is the caller's
`redis.asyncio.Redis`).

Past `per_user` failures in `window_seconds` for the username, or `per_address` for the address
(higher: an office or a school shares one address), a login is refused before the password is
checked, with the seconds until the oldest failure leaves the
window (the caller answers 429 with Retry-After). Every instance shares the count. A successful
login clears nothing: another address's failures still count, and the window ends them anyway.
Addresses are kept as a hash, and only for the window.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from .clock import now_ms
from .proxy import address_key

# KEYS: the username's and the address's failure sets; ARGV: now (ms), window (ms), the limit for
# the username, the limit for the address. Returns 0 when a login may be tried, else ms until the
# oldest failure of a full set leaves the window.
_CHECK = """
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
  if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))
  end
end
return wait
"""
# KEYS as above; ARGV: now (ms), window (ms), a unique member.
_FAIL = """
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[1], ARGV[3])
  redis.call('PEXPIRE', key, ARGV[2])
end
return 1
"""


@dataclass(frozen=True)
class ThrottleSettings:
    per_user: int = 5
    per_address: int = 20
    window_seconds: float = 15 * 60


class LoginThrottle:
    def __init__(self, client: Any, prefix: str, settings: ThrottleSettings = ThrottleSettings()) -> None:
        """`client` is a redis.asyncio.Redis; `prefix` names the keys ("uv:console:login-failures")."""
        self._redis = client
        self._prefix = prefix
        self._settings = settings
        self._check = client.register_script(_CHECK)
        self._fail = client.register_script(_FAIL)

    def _keys(self, username: str, address: str) -> list[str]:
        return [f"{self._prefix}:user:{username}", f"{self._prefix}:address:{address_key(address)}"]

    def _window_ms(self) -> int:
        return int(self._settings.window_seconds * 1000)

    async def retry_after(self, username: str, address: str) -> float:
        """0 when a login may be tried now, else the seconds to wait. Raises the client's errors."""
        now = now_ms()
        limits = [self._settings.per_user, self._settings.per_address]
        wait_ms = await self._check(keys=self._keys(username, address), args=[now, self._window_ms(), *limits])
        return int(wait_ms) / 1000

    async def failed(self, username: str, address: str) -> None:
        """Count one failed login for the username and the address."""
        now = now_ms()
        await self._fail(keys=self._keys(username, address), args=[now, self._window_ms(), f"{now}-{secrets.token_hex(4)}"])
