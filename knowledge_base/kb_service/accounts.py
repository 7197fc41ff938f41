"""Content-owner accounts (admin, editor, reviewer) and their API tokens, in Redis.

    uv:kb:user:<username>     hash: username, role, directorates (json), password (argon2id)
    uv:kb:token:<token>       username, expires
"""

from __future__ import annotations

import json
from functools import partial

import redis.asyncio as aioredis

from common import passwords

from .errors import InvalidRequestError, UnauthorizedError, store_call
from .workflow import ROLES, User

TOKEN_SECONDS = 8 * 60 * 60
# Every Redis call of the accounts: a failure is a 503 that does not name the Redis error.
_call = partial(store_call, store="account", name_the_error=False)


def check_new_user(username: str, password: str, role: str, directorates: list[str], known: set[str]) -> None:
    problem = passwords.username_problem(username)
    if problem:
        raise InvalidRequestError(problem, reason="weak_credentials", params={"field": "username"})
    problem = passwords.password_problem(password)
    if problem:
        raise InvalidRequestError(
            problem, reason="weak_credentials",
            params={"field": "password", "min_chars": passwords.MIN_PASSWORD_CHARS},
        )
    if role not in ROLES:
        raise InvalidRequestError(f"The role must be one of {', '.join(ROLES)}.", reason="unknown_role", params={"roles": list(ROLES)})
    unknown = [d for d in directorates if d not in known]
    if unknown or (role != "admin" and not directorates):
        raise InvalidRequestError(
            f"Give one or more directorates that own a service (unknown: {unknown}).",
            reason="unknown_directorates", params={"unknown": unknown},
        )


class Accounts:
    def __init__(self, client: aioredis.Redis, token_seconds: int = TOKEN_SECONDS) -> None:
        self._redis = client
        self._token_seconds = token_seconds

    async def add(self, username: str, password: str, role: str, directorates: list[str]) -> User:
        await _call(self._redis.hset(f"uv:kb:user:{username}", mapping={
            "username": username, "role": role, "directorates": json.dumps(directorates), "password": passwords.hash_password(password),
        }))
        return User(username, role, tuple(directorates))

    async def get(self, username: str) -> User | None:
        data = await _call(self._redis.hgetall(f"uv:kb:user:{username}"))
        if not data:
            return None
        return User(data["username"], data["role"], tuple(json.loads(data["directorates"])))

    async def users(self) -> list[User]:
        names = [key.split(":", 3)[3] async for key in self._redis.scan_iter(match="uv:kb:user:*", count=200)]
        return [user for user in [await self.get(name) for name in sorted(names)] if user]

    async def login(self, username: str, password: str) -> str:
        known = passwords.username_problem(username) is None
        data = await _call(self._redis.hgetall(f"uv:kb:user:{username}")) if known else {}
        if not passwords.verify_password(data.get("password"), password):
            raise UnauthorizedError("Wrong username or password.", reason="wrong_credentials")
        token = passwords.new_token()
        await _call(self._redis.set(f"uv:kb:token:{token}", username, ex=self._token_seconds))
        return token

    async def user_for_token(self, token: str | None) -> User:
        if not passwords.plausible_token(token):
            raise UnauthorizedError("Log in first (Authorization: Bearer <token>).", reason="login_required")
        username = await _call(self._redis.get(f"uv:kb:token:{token}"))
        user = await self.get(username) if username else None
        if user is None:
            raise UnauthorizedError("The token is unknown or has expired: log in again.", reason="session_expired")
        return user

    async def logout(self, token: str) -> None:
        await _call(self._redis.delete(f"uv:kb:token:{token}"))
