"""How a knowledge-base result becomes a bot message: text, buttons and the routing payload."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .kb_client import KBResult

LANG = "nb"
CHECK_SITE_NOTE = "Tallene og reglene kan ha endret seg, så sjekk nettsiden deres."


@dataclass(frozen=True)
class Reply:
    text: str | None = None
    response: str | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] = field(default_factory=dict)


def answer_reply(result: KBResult) -> Reply:
    lines = [result.answer.strip()]
    if result.checked == "uncertain":
        lines.append(CHECK_SITE_NOTE)
    if result.contact:
        lines.append(f"Kontakt: {result.contact}")
    return Reply(
        text="\n\n".join(lines),
        custom={
            "kind": "answer",
            "service": result.service,
            "directorate": result.directorate,
            "entry_id": result.entry_id,
            "title": result.title,
            "url": result.url,
            "score": result.score,
            "lang": LANG,
        },
    )


def choose_entry_payload(entry_id: str) -> str:
    return "/choose_entry" + json.dumps({"entry_id": entry_id})


def clarify_reply(results: list[KBResult], limit: int) -> Reply:
    options = results[:limit]
    return Reply(
        response="utter_clarify",
        buttons=[{"title": r.title, "payload": choose_entry_payload(r.entry_id)} for r in options],
        custom={
            "kind": "clarify",
            "lang": LANG,
            "options": [
                {"entry_id": r.entry_id, "service": r.service, "title": r.title} for r in options
            ],
        },
    )


def kb_unavailable_reply() -> Reply:
    return Reply(response="utter_kb_unavailable")


def no_match_reply() -> Reply:
    return Reply(response="utter_no_match")
