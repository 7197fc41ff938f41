"""Handoff and console settings: credentials.yml first, then the environment, then defaults
(read by `connectors.settings.Settings`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from common.catalogue import SERVICES_ADDED_FILE, SERVICES_FILE
from common.proxy import trusted_proxies

from ..settings import Settings

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
    # A ticket nobody on its team claims this long goes to the default team (urgent ones first).
    escalate_after_seconds: int = 10 * 60
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
    def from_settings(
        cls, credentials: Mapping[str, Any] | Settings | None, env: Mapping[str, str] = os.environ
    ) -> "HandoffConfig":
        settings = Settings.of(credentials, env)
        defaults = cls()
        return cls(
            teams_file=settings.get("teams_file", "HANDOFF_TEAMS_FILE", defaults.teams_file, Path),
            services_file=settings.get("services_file", "KB_SERVICES_FILE", defaults.services_file, Path),
            services_added_file=settings.get("services_added_file", "KB_SERVICES_ADDED_FILE", defaults.services_added_file, Path),
            ticket_ttl_seconds=settings.get("ticket_ttl_seconds", "HANDOFF_TICKET_TTL_SECONDS", defaults.ticket_ttl_seconds, int),
            closed_ttl_seconds=settings.get("closed_ttl_seconds", "HANDOFF_CLOSED_TTL_SECONDS", defaults.closed_ttl_seconds, int),
            release_after_seconds=settings.get("release_after_seconds", "HANDOFF_RELEASE_AFTER_SECONDS", defaults.release_after_seconds, int),
            urgent_alert_seconds=settings.get("urgent_alert_seconds", "HANDOFF_URGENT_ALERT_SECONDS", defaults.urgent_alert_seconds, int),
            online_window_seconds=settings.get("online_window_seconds", "HANDOFF_ONLINE_WINDOW_SECONDS", defaults.online_window_seconds, int),
            escalate_after_seconds=settings.get("escalate_after_seconds", "HANDOFF_ESCALATE_AFTER_SECONDS", defaults.escalate_after_seconds, int),
            console_session_seconds=settings.get("console_session_seconds", "CONSOLE_SESSION_SECONDS", defaults.console_session_seconds, int),
            console_session_max_seconds=settings.get(
                "console_session_max_seconds", "CONSOLE_SESSION_MAX_SECONDS", defaults.console_session_max_seconds, int
            ),
            cookie_secure=settings.flag("cookie_secure", "CONSOLE_COOKIE_SECURE"),
            trusted_proxies=trusted_proxies(settings.env),
        )
