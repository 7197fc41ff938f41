"""How a knowledge-base result becomes a bot message: text, buttons and the routing payload.

The reply is in the conversation's language (the `lang` slot) when the entry has that version;
otherwise it is the bokmål answer, with a short note in the young person's language saying so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .kb_client import KBResult

DEFAULT_LANG = "nb"
LANGUAGES = ("nb", "nn", "en")

CHECK_SITE_NOTE = {
    "nb": "Tallene og reglene kan ha endret seg, så sjekk nettsiden deres.",
    "nn": "Tala og reglane kan ha endra seg, så sjekk nettsida deira.",
    "en": "Figures and rules may have changed, so check their website.",
}
CONTACT_LABEL = {"nb": "Kontakt", "nn": "Kontakt", "en": "Contact"}
# After a second fallback in a row the bot offers a person.
HUMAN_BUTTON = {"nb": "Snakk med en voksen", "nn": "Snakk med ein vaksen", "en": "Talk to an adult"}
ONLY_IN_BOKMAL_NOTE = {
    "nn": "Dette svaret har eg berre på bokmål:",
    "en": "I only have this answer in Norwegian:",
}


@dataclass(frozen=True)
class Reply:
    text: str | None = None
    response: str | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] = field(default_factory=dict)


def conversation_language(value: Any) -> str:
    return value if value in LANGUAGES else DEFAULT_LANG


def related_results(results: list[KBResult], limit: int, min_share: float) -> list[KBResult]:
    """Other entries of the answer's service that the question also came close to."""
    if not results or limit <= 0:
        return []
    top = results[0]
    return [
        r for r in results[1:]
        if r.service == top.service and r.entry_id != top.entry_id and r.score >= min_share * top.score
    ][:limit]


def answer_reply(result: KBResult, lang: str = DEFAULT_LANG, related: list[KBResult] | None = None) -> Reply:
    lang = conversation_language(lang)
    related = related or []
    answer = result.answer_in(lang)
    answer_lang = lang if answer else DEFAULT_LANG
    lines = [] if answer else [ONLY_IN_BOKMAL_NOTE[lang]]
    lines.append((answer or result.answer).strip())
    if result.checked == "uncertain":
        lines.append(CHECK_SITE_NOTE[lang])
    if result.contact:
        lines.append(f"{CONTACT_LABEL[lang]}: {result.contact}")
    custom = {
        "kind": "answer",
        "service": result.service,
        "directorate": result.directorate,
        "entry_id": result.entry_id,
        "title": result.title,
        "url": result.url,
        "score": result.score,
        # The conversation's language; `answer_lang` says the answer itself is bokmål.
        "lang": lang,
    }
    if answer_lang != lang:
        custom["answer_lang"] = answer_lang
    if related:
        custom["related"] = [{"entry_id": r.entry_id, "title": r.title_in(lang)} for r in related]
    return Reply(
        text="\n\n".join(lines),
        buttons=[{"title": r.title_in(lang), "payload": choose_entry_payload(r.entry_id)} for r in related],
        custom=custom,
    )


def choose_entry_payload(entry_id: str) -> str:
    return "/choose_entry" + json.dumps({"entry_id": entry_id})


def clarify_reply(results: list[KBResult], limit: int, lang: str = DEFAULT_LANG) -> Reply:
    options = results[:limit]
    lang = conversation_language(lang)
    return Reply(
        response="utter_clarify",
        buttons=[{"title": r.title_in(lang), "payload": choose_entry_payload(r.entry_id)} for r in options],
        custom={
            "kind": "clarify",
            "lang": lang,
            "options": [
                {"entry_id": r.entry_id, "service": r.service, "title": r.title_in(lang)} for r in options
            ],
        },
    )


def kb_unavailable_reply() -> Reply:
    return Reply(response="utter_kb_unavailable")


def no_match_reply(offer_human: bool = False, lang: str = DEFAULT_LANG) -> Reply:
    if not offer_human:
        return Reply(response="utter_no_match")
    lang = conversation_language(lang)
    return Reply(
        response="utter_no_match",
        buttons=[{"title": HUMAN_BUTTON[lang], "payload": "/request_human"}],
        custom={"kind": "fallback", "reason": "no_match", "lang": lang, "offer": "handoff"},
    )
