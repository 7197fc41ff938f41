"""The widget channel's settings: credentials.yml first, then the environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Mapping

from common.proxy import trusted_proxies


DAY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class RedisConnection:
    host: str = "localhost"
    port: int = 6379
    db: int = 0
    password: str | None = None


@dataclass(frozen=True)
class WidgetConfig:
    redis: RedisConnection = RedisConnection()
    # Conversations (sessions, transcripts, idempotent replies) expire after this, like trackers.
    ttl_seconds: int = DAY_SECONDS
    reply_timeout_seconds: float = 20.0
    # A flood: more than this many messages in the window from one session.
    flood_max_messages: int = 20
    flood_window_seconds: float = 10.0
    # New sessions per client address in a window (a school behind one address opens many).
    sessions_per_address: int = 60
    sessions_window_seconds: float = 600.0
    # Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES, comma-separated).
    trusted_proxies: frozenset[str] = frozenset()
    # The Rasa tracker store's key prefix (endpoints.yml), so "Slett samtalen" removes the tracker.
    tracker_key_prefix: str = "uv:tracker:"
    stream_block_seconds: float = 15.0
    # Open event streams: per conversation (a tab or two) and per client address.
    streams_per_session: int = 2
    streams_per_address: int = 100
    max_transcript_messages: int = 500
    # Sites allowed to embed the widget from another origin (CORS); none by default, so only
    # pages on this server (like the demo) can talk to it. "*" allows any site.
    allowed_origins: tuple[str, ...] = ()
    # Learning-from-use logs (feedback with the question, handoffs with the last question) and the
    # per-entry feedback counts are kept this long (the knowledge base reads the same setting).
    insights_retention_days: int = 90

    @classmethod
    def from_settings(
        cls, credentials: Mapping[str, Any] | None, env: Mapping[str, str] = os.environ
    ) -> "WidgetConfig":
        credentials = credentials or {}

        def setting(name: str, env_name: str, default: Any) -> Any:
            value = credentials.get(name)
            if value in (None, ""):
                value = env.get(env_name)
            return default if value in (None, "") else value

        redis = RedisConnection(
            host=str(setting("redis_host", "REDIS_HOST", "localhost")),
            port=int(setting("redis_port", "REDIS_PORT", 6379)),
            db=int(setting("redis_db", "REDIS_DB", 0)),
            password=setting("redis_password", "REDIS_PASSWORD", None) or None,
        )
        return cls(
            redis=redis,
            ttl_seconds=int(setting("ttl_seconds", "TRACKER_TTL_SECONDS", DAY_SECONDS)),
            reply_timeout_seconds=float(setting("timeout_seconds", "BOT_REPLY_TIMEOUT_SECONDS", 20.0)),
            flood_max_messages=int(setting("flood_max_messages", "WIDGET_FLOOD_MAX_MESSAGES", 20)),
            flood_window_seconds=float(setting("flood_window_seconds", "WIDGET_FLOOD_WINDOW_SECONDS", 10.0)),
            sessions_per_address=int(setting("sessions_per_address", "WIDGET_SESSIONS_PER_ADDRESS", 60)),
            sessions_window_seconds=float(setting("sessions_window_seconds", "WIDGET_SESSIONS_WINDOW_SECONDS", 600.0)),
            streams_per_session=int(setting("streams_per_session", "WIDGET_STREAMS_PER_SESSION", 2)),
            streams_per_address=int(setting("streams_per_address", "WIDGET_STREAMS_PER_ADDRESS", 100)),
            trusted_proxies=trusted_proxies(env),
            allowed_origins=_origins(setting("allowed_origins", "WIDGET_ALLOWED_ORIGINS", "")),
            insights_retention_days=int(setting("insights_retention_days", "INSIGHTS_RETENTION_DAYS", 90)),
        )


def _origins(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return tuple(item.strip().rstrip("/") for item in items if str(item).strip())
