"""The widget channel's settings: credentials.yml first, then the environment, then defaults
(read by `connectors.settings.Settings`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Mapping

from common.proxy import trusted_proxies

from ..settings import RedisConnection, Settings
from ..transcript import DAY_SECONDS, DEFAULT_MAX_MESSAGES, TranscriptConfig

__all__ = ["DAY_SECONDS", "RedisConnection", "WidgetConfig"]


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
    max_transcript_messages: int = DEFAULT_MAX_MESSAGES
    # Sites allowed to embed the widget from another origin (CORS); none by default, so only
    # pages on this server (like the demo) can talk to it. "*" allows any site.
    allowed_origins: tuple[str, ...] = ()
    # Learning-from-use logs (feedback with the question, handoffs with the last question) and the
    # per-entry feedback counts are kept this long (the knowledge base reads the same setting).
    insights_retention_days: int = 90

    @classmethod
    def from_settings(
        cls, credentials: Mapping[str, Any] | Settings | None, env: Mapping[str, str] = os.environ
    ) -> "WidgetConfig":
        settings = Settings.of(credentials, env)
        transcript = TranscriptConfig.from_settings(settings)
        return cls(
            redis=RedisConnection.from_settings(settings),
            ttl_seconds=transcript.ttl_seconds,
            reply_timeout_seconds=settings.get("timeout_seconds", "BOT_REPLY_TIMEOUT_SECONDS", 20.0, float),
            flood_max_messages=settings.get("flood_max_messages", "WIDGET_FLOOD_MAX_MESSAGES", 20, int),
            flood_window_seconds=settings.get("flood_window_seconds", "WIDGET_FLOOD_WINDOW_SECONDS", 10.0, float),
            sessions_per_address=settings.get("sessions_per_address", "WIDGET_SESSIONS_PER_ADDRESS", 60, int),
            sessions_window_seconds=settings.get("sessions_window_seconds", "WIDGET_SESSIONS_WINDOW_SECONDS", 600.0, float),
            streams_per_session=settings.get("streams_per_session", "WIDGET_STREAMS_PER_SESSION", 2, int),
            streams_per_address=settings.get("streams_per_address", "WIDGET_STREAMS_PER_ADDRESS", 100, int),
            trusted_proxies=trusted_proxies(settings.env),
            max_transcript_messages=transcript.max_messages,
            allowed_origins=settings.get("allowed_origins", "WIDGET_ALLOWED_ORIGINS", (), _origins),
            insights_retention_days=settings.get("insights_retention_days", "INSIGHTS_RETENTION_DAYS", 90, int),
        )


def _origins(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return tuple(item.strip().rstrip("/") for item in items if str(item).strip())
