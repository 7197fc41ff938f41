"""The crisis answer for a signal, as a bot message: text, a button to reach a person, payload."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .detector import CrisisSignal

MESSAGES_FILE = Path(__file__).with_name("messages.yml")
DEFAULT_LANG = "nb"
# The category of a crisis answer given after a yes to the sad check-in, where nobody named a
# danger: the young person said it is about them and wants a person (not a lexicon category).
DISTRESS = "distress"


@lru_cache(maxsize=1)
def load_messages() -> dict[str, Any]:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def subject(third_person: bool) -> str:
    return "other" if third_person else "self"


def crisis_payload(category: str, third_person: bool, lang: str) -> dict[str, Any]:
    return {
        "kind": "crisis",
        "category": category,
        "subject": subject(third_person),
        "priority": "urgent",
        "lang": lang,
    }


def crisis_message(recipient_id: str, signal: CrisisSignal, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    messages = load_messages()
    lang = lang if lang in messages["answers"] else DEFAULT_LANG
    return {
        "recipient_id": recipient_id,
        "text": messages["answers"][lang][signal.category][subject(signal.third_person)],
        "buttons": list(messages["buttons"][lang]),
        "custom": crisis_payload(signal.category, signal.third_person, lang),
    }
