"""Trackers for action tests, built with Tracker.from_dict from a JSON fixture."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from rasa_sdk import Tracker

TRACKER_TEMPLATE = json.loads(
    (Path(__file__).resolve().parents[1] / "bot" / "fixtures" / "tracker.json").read_text()
)


def make_tracker(
    text: str, intent: str = "ask_question", entities: list | None = None, slots: dict | None = None
) -> Tracker:
    state = copy.deepcopy(TRACKER_TEMPLATE)
    state["slots"].update(slots or {})
    state["latest_message"].update(
        {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    )
    state["events"].append({"event": "user", "text": text, "parse_data": state["latest_message"]})
    return Tracker.from_dict(state)
