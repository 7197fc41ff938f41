"""The one clock both services stamp Redis records with."""

from __future__ import annotations

import time


def now_ms() -> int:
    """Wall-clock time in whole milliseconds since the Unix epoch (what Redis stream ids start with)."""
    return int(time.time() * 1000)
