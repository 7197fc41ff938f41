"""Flood protection: at most N messages per session in a sliding window."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Callable


class SlidingWindowLimiter:
    def __init__(
        self,
        max_events: int,
        window_seconds: float,
        *,
        max_keys: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_events = max_events
        self._window = window_seconds
        self._max_keys = max_keys
        self._clock = clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def allow(self, key: str) -> bool:
        """Count one event for `key`; False when it is over the limit (then it is not counted)."""
        now = self._clock()
        events = self._events.pop(key, None) or deque()
        while events and now - events[0] >= self._window:
            events.popleft()
        allowed = len(events) < self._max_events
        if allowed:
            events.append(now)
        self._events[key] = events  # most recently used last
        while len(self._events) > self._max_keys:
            self._events.popitem(last=False)
        return allowed

    def retry_after(self, key: str) -> float:
        events = self._events.get(key)
        if not events:
            return 0.0
        return max(0.0, self._window - (self._clock() - events[0]))

    def forget(self, key: str) -> None:
        self._events.pop(key, None)
