"""Whether the best search result is good enough to answer with, or the bot should clarify."""

from __future__ import annotations

from typing import Sequence

from .config import KBConfig


def is_confident(scores: Sequence[float], config: KBConfig) -> bool:
    if not scores:
        return False
    top = scores[0]
    runner_up = scores[1] if len(scores) > 1 else 0.0
    return top >= config.confidence_threshold and top - runner_up >= config.confidence_margin
