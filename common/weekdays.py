"""Weekday specs in the project's YAML files ("mon", "mon-fri", or a list of those), as the
weekday numbers Python uses (0 = Monday). The caseworker teams (`connectors/handoff/teams.py`)
and the chat network (`common/contact_channels.py`) both read them."""

from __future__ import annotations

from typing import Any

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_days(spec: Any) -> frozenset[int]:
    """`spec` ("mon", "mon-fri", or a list of those) as weekday numbers. Raises ValueError for an
    unknown day or a range that runs backwards ("fri-mon")."""
    days: set[int] = set()
    for part in spec if isinstance(spec, list) else [spec]:
        text = str(part).strip().lower()
        first, _, last = text.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f"unknown days {spec!r} (use mon..sun, a range or a list)")
        start, end = DAYS.index(first), DAYS.index(last or first)
        if end < start:
            raise ValueError(f"day range {text!r} runs backwards")
        days.update(range(start, end + 1))
    return frozenset(days)
