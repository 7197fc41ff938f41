"""Handoff and console settings: credentials.yml first, then the environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from common.catalogue import SERVICES_ADDED_FILE, SERVICES_FILE
from common.proxy import trusted_proxies


ROOT = Path(__file__).resolve().parents[2]
DAY = 24 * 60 * 60


@dataclass(frozen=True)
class HandoffConfig:
    teams_file: Path = Path(__file__).with_name("teams.yml")
    # The service catalogue, as the knowledge base reads it (KB_SERVICES_FILE, KB_SERVICES_ADDED_FILE).
    services_file: Path = SERVICES_FILE
    services_added_file: Path = SERVICES_ADDED_FILE
    # Open tickets live this long; closed ones are kept this long for follow-up, then expire.
    ticket_ttl_seconds: int = 7 * DAY
    closed_ttl_seconds: int = 30 * DAY
    # A claimed ticket goes back to the queue when its caseworker has been gone this long.
    release_after_seconds: int = 120
    # An unclaimed urgent ticket older than this is highlighted in the queue.
    urgent_alert_seconds: int = 120
    # A caseworker counts as online this long after their console last called in.
    online_window_seconds: int = 60
    # For the expected wait a young person is told.
    minutes_per_ticket: int = 5
    # A console session ends after this long without a call (idle) ...
    console_session_seconds: int = 8 * 60 * 60
    # ... and in any case this long after the login (absolute).
    console_session_max_seconds: int = 12 * 60 * 60
    # The session cookie is Secure always with CONSOLE_COOKIE_SECURE=1, else when the request came
    # over TLS, directly or through a proxy in TRUSTED_PROXIES (X-Forwarded-Proto).
    cookie_secure: bool = False
    trusted_proxies: frozenset[str] = frozenset()

    @property
    def catalogue_files(self) -> tuple[Path, ...]:
        return (self.services_file, self.services_added_file)

    @classmethod
    def from_settings(cls, credentials: Mapping[str, Any] | None, env: Mapping[str, str] = os.environ) -> "HandoffConfig":
        credentials = credentials or {}
        defaults = cls()

        def setting(name: str, env_name: str, default: Any) -> Any:
            value = credentials.get(name)
            if value in (None, ""):
                value = env.get(env_name)
            return default if value in (None, "") else value

        return cls(
            teams_file=Path(setting("teams_file", "HANDOFF_TEAMS_FILE", defaults.teams_file)),
            services_file=Path(setting("services_file", "KB_SERVICES_FILE", defaults.services_file)),
            services_added_file=Path(setting("services_added_file", "KB_SERVICES_ADDED_FILE", defaults.services_added_file)),
            ticket_ttl_seconds=int(setting("ticket_ttl_seconds", "HANDOFF_TICKET_TTL_SECONDS", defaults.ticket_ttl_seconds)),
            closed_ttl_seconds=int(setting("closed_ttl_seconds", "HANDOFF_CLOSED_TTL_SECONDS", defaults.closed_ttl_seconds)),
            release_after_seconds=int(setting("release_after_seconds", "HANDOFF_RELEASE_AFTER_SECONDS", defaults.release_after_seconds)),
            urgent_alert_seconds=int(setting("urgent_alert_seconds", "HANDOFF_URGENT_ALERT_SECONDS", defaults.urgent_alert_seconds)),
            online_window_seconds=int(setting("online_window_seconds", "HANDOFF_ONLINE_WINDOW_SECONDS", defaults.online_window_seconds)),
            console_session_seconds=int(setting("console_session_seconds", "CONSOLE_SESSION_SECONDS", defaults.console_session_seconds)),
            console_session_max_seconds=int(setting(
                "console_session_max_seconds", "CONSOLE_SESSION_MAX_SECONDS", defaults.console_session_max_seconds
            )),
            cookie_secure=str(setting("cookie_secure", "CONSOLE_COOKIE_SECURE", "")).lower() in ("1", "true", "yes"),
            trusted_proxies=trusted_proxies(env),
        )
