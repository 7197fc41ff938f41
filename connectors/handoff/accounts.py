"""Caseworker accounts and console sessions in Redis. Passwords are hashed with argon2id.

    uv:caseworker:account:<username>   hash: username, name, teams (json), password (argon2 hash)
    uv:console:session:<token>         hash: username, csrf          expires
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass

import redis.asyncio as aioredis
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis.exceptions import RedisError

from ..errors import StoreUnavailableError
from .errors import HandoffConfigError

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD_CHARS = 10
# Verifying against this keeps a wrong username as slow as a wrong password.
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password")


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
    if not USERNAME.match(username):
        raise HandoffConfigError("A username is 2-40 characters: a-z, 0-9, '.', '_' or '-'.")
    if len(password) < MIN_PASSWORD_CHARS:
        raise HandoffConfigError(f"A password needs at least {MIN_PASSWORD_CHARS} characters.")
    unknown = [team for team in teams if team not in known_teams]
    if not teams or unknown:
        raise HandoffConfigError(f"Give one or more teams from teams.yml (unknown: {unknown}).")


class Accounts:
    def __init__(self, client: aioredis.Redis, session_seconds: int) -> None:
        self._redis = client
        self._session_seconds = session_seconds

    async def _call(self, operation):
        try:
            return await operation
        except (RedisError, OSError) as exc:
            raise StoreUnavailableError("The account store is unavailable.") from exc

    async def add(self, username: str, password: str, teams: list[str], name: str = "") -> Caseworker:
        await self._call(
            self._redis.hset(
                f"uv:caseworker:account:{username}",
                mapping={"username": username, "name": name or username, "teams": json.dumps(teams),
                         "password": _hasher.hash(password)},
            )
        )
        return Caseworker(username, name or username, tuple(teams))

    async def get(self, username: str) -> Caseworker | None:
        data = await self._call(self._redis.hgetall(f"uv:caseworker:account:{username}"))
        if not data:
            return None
        return Caseworker(data["username"], data.get("name") or data["username"], tuple(json.loads(data["teams"])))

    async def count(self) -> int:
        return len([key async for key in self._redis.scan_iter(match="uv:caseworker:account:*", count=200)])

    async def login(self, username: str, password: str) -> ConsoleSession | None:
        data = await self._call(self._redis.hgetall(f"uv:caseworker:account:{username}")) if USERNAME.match(username) else {}
        try:
            _hasher.verify(data.get("password") or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if not data:
            return None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        key = f"uv:console:session:{token}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"username": username, "csrf": csrf})
            pipe.expire(key, self._session_seconds)
            await self._call(pipe.execute())
        caseworker = Caseworker(username, data.get("name") or username, tuple(json.loads(data["teams"])))
        return ConsoleSession(token, csrf, caseworker)

    async def session(self, token: str | None) -> ConsoleSession | None:
        if not token or len(token) > 100:
            return None
        data = await self._call(self._redis.hgetall(f"uv:console:session:{token}"))
        if not data:
            return None
        caseworker = await self.get(data["username"])
        if caseworker is None:
            return None
        await self._call(self._redis.expire(f"uv:console:session:{token}", self._session_seconds))
        return ConsoleSession(token, data["csrf"], caseworker)

    async def logout(self, token: str) -> None:
        await self._call(self._redis.delete(f"uv:console:session:{token}"))
