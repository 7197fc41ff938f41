"""The one settings reader of the channels: a value from credentials.yml (the channel's block)
first, then the environment, then the default; and the Redis connection every channel shares.

Every config class (`WidgetConfig`, `HandoffConfig`, `TranscriptConfig`, the REST channel's
timeout) reads through `Settings`, in the spirit of Starlette's `Config`: name the
credentials key, the environment variable, the default and how to cast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Mapping, TypeVar

import redis.asyncio as aioredis

from common.redis import connect

T = TypeVar("T")
TRUE_WORDS = ("1", "true", "yes")


class Settings:
    def __init__(self, credentials: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> None:
        """`credentials`: the channel's block of credentials.yml (None: none); `env`: the
        environment (None: `os.environ`)."""
        self.credentials: Mapping[str, Any] = credentials or {}
        self.env: Mapping[str, str] = os.environ if env is None else env

    @classmethod
    def of(cls, credentials: "Mapping[str, Any] | Settings | None", env: Mapping[str, str] | None = None) -> "Settings":
        """`credentials` as Settings (Settings pass through unchanged)."""
        return credentials if isinstance(credentials, Settings) else cls(credentials, env)

    def get(self, name: str, env_name: str, default: T, cast: Callable[[Any], T] | None = None) -> T:
        """credentials[name], else env[env_name], else `default`; an empty string counts as
        unset. A value found is passed through `cast` (the default is returned as it is).
        Raises ValueError (from `cast`) for a value that cannot be read."""
        value = self.credentials.get(name)
        if value in (None, ""):
            value = self.env.get(env_name)
        if value in (None, ""):
            return default
        return cast(value) if cast is not None else value

    def flag(self, name: str, env_name: str) -> bool:
        """True when the setting says 1, true or yes (any case); unset is False."""
        return str(self.get(name, env_name, "")).lower() in TRUE_WORDS


@dataclass(frozen=True)
class RedisConnection:
    host: str = "localhost"
    port: int = 6379
    db: int = 0
    password: str | None = None

    @classmethod
    def from_settings(cls, settings: "Settings | Mapping[str, Any] | None") -> "RedisConnection":
        """REDIS_HOST, REDIS_PORT, REDIS_DB, REDIS_PASSWORD (or redis_host ... in credentials.yml)."""
        settings = Settings.of(settings)
        return cls(
            host=settings.get("redis_host", "REDIS_HOST", "localhost", str),
            port=settings.get("redis_port", "REDIS_PORT", 6379, int),
            db=settings.get("redis_db", "REDIS_DB", 0, int),
            password=settings.get("redis_password", "REDIS_PASSWORD", None) or None,
        )

    def connect(self, *, socket_timeout: float | None = 5.0) -> aioredis.Redis:
        """A client with the shared retry policy (`common.redis`); `socket_timeout` in seconds."""
        return connect(self.host, self.port, self.db, self.password, socket_timeout=socket_timeout)
