"""All action-server configuration, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class ActionConfig:
    kb_url: str = "http://127.0.0.1:8080"
    # The young person is waiting: a slow knowledge base gets a fallback, not a hang.
    kb_timeout_seconds: float = 3.0
    search_k: int = 5
    clarify_options: int = 3
    # After a confident answer, other entries of the same service offered as quick replies.
    related_options: int = 2
    # ...only those scoring at least this share of the answer's score.
    related_min_share: float = 0.6

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "ActionConfig":
        env = os.environ if env is None else env
        defaults = cls()
        return cls(
            kb_url=env.get("KB_URL", defaults.kb_url).rstrip("/"),
            kb_timeout_seconds=float(env.get("KB_TIMEOUT_SECONDS", defaults.kb_timeout_seconds)),
        )
