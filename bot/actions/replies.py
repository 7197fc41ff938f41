"""How a knowledge-base result becomes a bot message: text, buttons and the routing payload.

The reply is in the conversation's language (the `lang` slot) when the entry has that version;
otherwise it is the bokmål answer, with a short note in the young person's language saying so.
"""

from __future__ import annotations

import json
import re
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


# A Norwegian phone number in bot text, as the widget turns them into `tel:` links: 110/112/113,
# 116 xxx, 0xxxx, "800 33 321" and "55 55 33 33" forms.
PHONE = re.compile(r"(?<![\d-])(?:11[023]|116 ?\d{3}|0\d{4}|\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2})(?![\d-])")


def has_next_step(text: str, url: str | None = None, buttons: list | None = None) -> bool:
    """Does a reply give the young person somewhere to go: a link, a phone number or a button?"""
    return bool(url or buttons or PHONE.search(text) or "http://" in text or "https://" in text)


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
    text = "\n\n".join(lines)
    buttons = [{"title": r.title_in(lang), "payload": choose_entry_payload(r.entry_id)} for r in related]
    if not has_next_step(text, result.url):
        # No link and no number for this service (a municipal or county one): a person, at least.
        buttons.append({"title": HUMAN_BUTTON[lang], "payload": "/request_human"})
    return Reply(text=text, buttons=buttons, custom=custom)


def choose_entry_payload(entry_id: str) -> str:
    return "/choose_entry" + json.dumps({"entry_id": entry_id})


def clarify_reply(results: list[KBResult], limit: int, lang: str = DEFAULT_LANG) -> Reply:
    """Up to `limit` options as quick replies, then "none of these" and a person."""
    lang = conversation_language(lang)
    options = result_options(results[:limit], lang)
    return Reply(
        response="utter_clarify",
        buttons=_option_buttons(options, lang),
        custom={"kind": "clarify", "lang": lang, "options": options},
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


NONE_OF_THESE = {"nb": "Ingen av disse", "nn": "Ingen av desse", "en": "None of these"}
WHICH_ONE_TEXT = {
    "nb": "Hvilken av dem mener du? Trykk på en, eller skriv det med andre ord.",
    "nn": "Kva for ein av dei meiner du? Trykk på ein, eller skriv det med andre ord.",
    "en": "Which one do you mean? Tap one, or put it in other words.",
}
TOPIC_TEXT = {
    "nb": "Her er noe av det jeg kan svare på om {title}. Velg ett, eller skriv med egne ord hva du lurer på.",
    "nn": "Her er noko av det eg kan svare på om {title}. Vel eitt, eller skriv med eigne ord kva du lurer på.",
    "en": "Here are some things I can answer about {title}. Pick one, or tell me in your own words.",
}
NONE_OF_THESE_TEXT = {
    "nb": "Greit. Prøv å skrive det med andre ord, så gjør jeg et nytt forsøk. Du kan også snakke med en voksen her.",
    "nn": "Greitt. Prøv å skrive det med andre ord, så gjer eg eit nytt forsøk. Du kan òg snakke med ein vaksen her.",
    "en": "Okay. Try putting it in other words and I'll have another go. You can also talk to an adult here.",
}


def _option_buttons(options: list[dict[str, Any]], lang: str) -> list[dict[str, str]]:
    buttons = [{"title": o["title"], "payload": choose_entry_payload(o["entry_id"])} for o in options]
    buttons.append({"title": NONE_OF_THESE[lang], "payload": "/deny"})
    buttons.append({"title": HUMAN_BUTTON[lang], "payload": "/request_human"})
    return buttons


def options_reply(
    options: list[dict[str, Any]], lang: str, text: dict[str, str], **extra: Any
) -> Reply:
    """A clarify with these options (each {"entry_id", "service", "title"}), "none of these" and a
    person as the last two buttons; `text` is the finished text per language."""
    lang = conversation_language(lang)
    return Reply(
        text=text[lang],
        buttons=_option_buttons(options, lang),
        custom={"kind": "clarify", "lang": lang, "options": options, **extra},
    )


def result_options(results: list[KBResult], lang: str) -> list[dict[str, Any]]:
    return [{"entry_id": r.entry_id, "service": r.service, "title": r.title_in(lang)} for r in results]


def none_of_these_reply(lang: str = DEFAULT_LANG) -> Reply:
    lang = conversation_language(lang)
    return Reply(
        text=NONE_OF_THESE_TEXT[lang],
        buttons=[{"title": HUMAN_BUTTON[lang], "payload": "/request_human"}],
        custom={"kind": "fallback", "reason": "none_of_these", "lang": lang, "offer": "handoff"},
    )


def not_helpful_reply() -> Reply:
    """"Nei" or "det hjalp ikke" right after an answer: sorry, other words, or a person (an offer,
    `kind: handoff_offer`, whose yes or no the action reads)."""
    return Reply(response="utter_not_helpful")
