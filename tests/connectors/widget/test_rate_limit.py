"""The flood limiter: N messages per sliding window, per session."""

from __future__ import annotations

from connectors.widget.rate_limit import SlidingWindowLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_window_slides_and_sessions_are_counted_apart():
    clock = Clock()
    limiter = SlidingWindowLimiter(max_events=3, window_seconds=10, clock=clock)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    assert 9.9 < limiter.retry_after("a") <= 10
    clock.now = 10.0
    assert limiter.allow("a")


def test_refused_messages_do_not_extend_the_wait():
    clock = Clock()
    limiter = SlidingWindowLimiter(max_events=1, window_seconds=10, clock=clock)
    assert limiter.allow("a")
    clock.now = 9.0
    assert not limiter.allow("a")
    clock.now = 10.0
    assert limiter.allow("a")


def test_memory_is_bounded():
    limiter = SlidingWindowLimiter(max_events=1, window_seconds=10, max_keys=100)
    for n in range(1000):
        limiter.allow(f"s{n}")
    assert len(limiter._events) == 100
