"""Caseworker accounts and console sessions in Redis. Passwords are hashed with argon2id.

    uv:caseworker:account:<username>   hash: username, name, teams (json), password (argon2 hash)
    uv:console:session:<token>         hash: username, csrf          expires
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass

import redis.asyncio as aioredis

from common import passwords
from common.clock import now_ms

from ..errors import store_call
from .errors import HandoffConfigError

# uv:caseworker:account:<username> (see the module docstring)
ACCOUNT_KEY = "uv:caseworker:account:"


@dataclass(frozen=True)
class Caseworker:
    username: str
    name: str
    teams: tuple[str, ...]


@dataclass(frozen=True)
class ConsoleSession:
    token: str
    csrf: str
    caseworker: Caseworker


def check_new_account(username: str, password: str, teams: list[str], known_teams: set[str]) -> None:
    problem = passwords.username_problem(username) or passwords.password_problem(password)
    if problem:
        raise HandoffConfigError(problem)
    unknown = [team for team in teams if team not in known_teams]
    if not teams or unknown:
        raise HandoffConfigError(f"Give one or more teams from teams.yml (unknown: {unknown}).")


async def staffed_teams(client: aioredis.Redis) -> set[str]:
    """The teams at least one caseworker account belongs to (a scan of the accounts: there are
    few). Raises StoreUnavailableError when Redis is away."""
    teams: set[str] = set()
    for raw in await store_call(_account_teams(client), "account", name_the_error=False):
        teams.update(json.loads(raw) if raw else [])
    return teams


async def _account_teams(client: aioredis.Redis) -> list[str | None]:
    keys = [key async for key in client.scan_iter(match=ACCOUNT_KEY + "*", count=200)]
    if not keys:
        return []
    async with client.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.hget(key, "teams")
        return await pipe.execute()


class Accounts:
    def __init__(self, client: aioredis.Redis, session_seconds: int, max_session_seconds: int | None = None) -> None:
        """Sessions end `session_seconds` after the last call, and `max_session_seconds` after the
        login whatever happens (None: only the idle limit)."""
        self._redis = client
        self._session_seconds = session_seconds
        self._max_session_seconds = max_session_seconds

    @property
    def client(self) -> aioredis.Redis:
        return self._redis

    async def _call(self, operation):
        return await store_call(operation, "account", name_the_error=False)

    async def add(self, username: str, password: str, teams: list[str], name: str = "") -> Caseworker:
        await self._call(
            self._redis.hset(
                f"{ACCOUNT_KEY}{username}",
                mapping={"username": username, "name": name or username, "teams": json.dumps(teams),
                         "password": passwords.hash_password(password)},
            )
        )
        return Caseworker(username, name or username, tuple(teams))

    async def get(self, username: str) -> Caseworker | None:
        data = await self._call(self._redis.hgetall(f"{ACCOUNT_KEY}{username}"))
        if not data:
            return None
        return Caseworker(data["username"], data.get("name") or data["username"], tuple(json.loads(data["teams"])))

    async def count(self) -> int:
        return len([key async for key in self._redis.scan_iter(match=ACCOUNT_KEY + "*", count=200)])

    async def login(self, username: str, password: str) -> ConsoleSession | None:
        known = passwords.username_problem(username) is None
        data = await self._call(self._redis.hgetall(f"{ACCOUNT_KEY}{username}")) if known else {}
        if not passwords.verify_password(data.get("password"), password):
            return None
        token, csrf = passwords.new_token(), secrets.token_urlsafe(24)
        key = f"uv:console:session:{token}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"username": username, "csrf": csrf, "created": int(time.time())})
            pipe.expire(key, self._session_seconds)
            await self._call(pipe.execute())
        caseworker = Caseworker(username, data.get("name") or username, tuple(json.loads(data["teams"])))
        return ConsoleSession(token, csrf, caseworker)

    async def session(self, token: str | None) -> ConsoleSession | None:
        if not passwords.plausible_token(token):
            return None
        data = await self._call(self._redis.hgetall(f"uv:console:session:{token}"))
        if not data:
            return None
        age = time.time() - int(data.get("created") or 0)
        if self._max_session_seconds is not None and age > self._max_session_seconds:
            await self.logout(token)
            return None
        caseworker = await self.get(data["username"])
        if caseworker is None:
            return None
        await self._call(self._redis.expire(f"uv:console:session:{token}", self._session_seconds))
        return ConsoleSession(token, data["csrf"], caseworker)

    async def audit(self, who: str, action: str) -> None:
        """One line in the console's audit stream (uv:console:audit, the newest 10,000 kept)."""
        await self._call(self._redis.xadd(
            "uv:console:audit", {"who": who, "action": action, "ts": str(now_ms())},
            maxlen=10_000, approximate=True,
        ))

    async def logout(self, token: str) -> None:
        await self._call(self._redis.delete(f"uv:console:session:{token}"))
