"""Explicit requests to change the answer language: "kan du svare på engelsk", "in English please".

A request names the language it wants, in any of the three; it wins over detection, because the
young person said what they want.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LANGUAGE_NAMES = {
    "nn": r"nynorsk",
    "nb": r"bokm[åa]l|bokmaal|norsk|norwegian",
    "en": r"engelsk|english|eng",
}

_NAME = r"(?P<name>" + "|".join(LANGUAGE_NAMES.values()) + r")"
_VERBS = (
    r"svar|svare|svarar|skriv|skrive|skriver|snakk|snakke|snakkar|snakker|prat|prate|pratar|prater|"
    r"answer|reply|write|speak|talk|respond|chat|bytt|byte|bytte|bytter|byta|switch|change|endre|få|faa|get|"
    r"oversett|oversette|omsett|omsetje|translate"
)
# Verbs that ask for a switch only with "it" after them: "ta det på norsk", "say it in English"
# ("jeg tar eksamen på engelsk" is not a request).
_IT_VERBS = r"ta|tar|tek|take|si|sei|seie|say|put|forklar|forklare|explain|gi|gje|give|send|sende"
_IT = r"det|dette|den|it|this|that|resten|the rest|svaret|svara|the answer|alt|everything"
# "can we", "kan vi", "let's": the young person speaks for the chat itself.
_WE = r"\b(?:(?:can|could|shall|kan|skal|kunne)\s+(?:we|vi)|let'?s|la\s+oss)\s+"
REQUESTS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "svar på engelsk", "can you answer in english", "kan eg få svar på nynorsk"
        rf"\b(?:{_VERBS})\b[^.?!,]{{0,30}}?\b(?:på|pa|paa|in|to|til)\s+{_NAME}\b",
        # "kan du ta det på norsk", "say it in english"
        rf"\b(?:{_IT_VERBS})\s+(?:{_IT})\s+(?:på|pa|paa|in|to|til)\s+{_NAME}\b",
        # "på nynorsk takk", "in english please"
        rf"\b(?:på|pa|paa|in)\s+{_NAME}\s+(?:takk|please|pls|plz|ty)\b",
        # "english please", "nynorsk?" as the whole message
        rf"^\s*{_NAME}\s*(?:please|pls|plz|takk)?\s*[?!.]*\s*$",
        # "do you speak english", "snakker du engelsk", "kan du nynorsk"
        # (at the end, or ending its sentence: "kan du snakke engelsk? norsken min er ikke så god")
        rf"\b(?:speak|snakker|snakkar|kan)\s+(?:du|you)\s+{_NAME}(?:\s+(?:med meg|with me|til meg|to me))?\s*(?:[?!.]|$)",
        # "do you speak english", "kan du snakke engelsk"
        rf"\b(?:you|du)\s+(?:speak|snakke|snakka|prate|skrive)\s+{_NAME}(?:\s+(?:med meg|with me|til meg|to me))?\s*(?:[?!.]|$)",
        # "can we speak english", "kan vi snakke norsk i stedet", "let's write in nynorsk"
        rf"{_WE}(?:speak|talk|write|chat|snakke|snakka|prate|skrive|bytte\s+til|switch\s+to)\s+(?:på\s+|pa\s+|in\s+)?{_NAME}\b",
        # the chat itself carried on in a language: "can we do this in norwegian", "kan vi fortsette
        # på engelsk" ("kan vi ta engelsk på vgs" takes a subject: "do" and "ta" need "this" or "it")
        rf"{_WE}(?:(?:continue|carry\s+on|go\s+on|fortsette|halde\s+fram)(?:\s+(?:{_IT}))?"
        rf"|(?:do|have|ta|gjøre|gjere)\s+(?:{_IT}))\s+(?:på|pa|paa|in)\s+{_NAME}\b",
    )
)


def _lang_of(name: str) -> str:
    return next(lang for lang, pattern in LANGUAGE_NAMES.items() if re.fullmatch(pattern, name))


QUESTION_ABOUT = re.compile(r"\b(?:how|hvordan|korleis|åssen|what|hva|kva|why|hvorfor|kvifor)\b")
# After the request is taken out, this many words or fewer means the message was only the request.
MAX_LEFTOVER_WORDS = 2
FILLER = frozenset(
    "kan du can you could would please pls plz takk hei hi hey ok okei heller instead eg jeg vil i "
    "want helst gjerne me do du meg we vi sorry sry beklager unnskyld orsak actually faktisk egentlig "
    "stedet istedet istaden staden rather".split()
)
# What the young person says about their own command of a language ("my norwegian is not so
# good", "eg skjønar ikkje engelsk så godt") belongs to the request, not to a question.
_ABILITY = re.compile(
    r"\b(?:my\s+|min\s+|mi\s+)?(?:norsk|norwegian|engelsk|english|nynorsk|bokmål)\w*(?:\s+min|\s+mi)?"
    r"\s+(?:is|er|e|isn'?t|isnt)\b[^.?!,]*"
    r"|\b(?:i|jeg|eg|æ)\s+(?:don'?t|dont|do not|can'?t|cant|kan ikke|kan ikkje|forstår ikke|skjønner ikke"
    r"|skjønar ikkje|forstår ikkje|understand|speak|snakker|snakkar)\b[^.?!,]*?"
    r"\b(?:norsk|norwegian|engelsk|english|nynorsk|bokmål)\w*(?:\s+(?:so|very|that|så|særlig|veldig)?\s*(?:well|good|godt|bra))?"
)


# How long the switch should hold belongs to the request too: "from now on", "fra nå av".
_FOR_HOW_LONG = re.compile(
    r"\b(?:from now on|for the rest of the chat|for now|fra nå av|fra no av|frå no av|heretter|herfra|"
    r"resten av (?:tida|tiden|samtalen|chatten)|videre|vidare)\b"
)


@dataclass(frozen=True)
class LanguageRequest:
    lang: str
    # True when the message asks for nothing but the switch ("english please").
    only_request: bool
    # The message without the request and what it says about the writer's language ("can you
    # answer in english? where do i test for chlamydia" -> "where do i test for chlamydia").
    rest: str = ""


def find_language_request(text: str) -> LanguageRequest | None:
    normalised = unicodedata.normalize("NFKC", text).lower()
    match = next((m for m in (r.search(normalised) for r in REQUESTS) if m), None)
    if match is None:
        return None
    if QUESTION_ABOUT.search(normalised[: match.start()]):
        return None  # "how do I write in Norwegian" asks about the language, not for it
    lang = _lang_of(match.group("name"))
    leftover = _FOR_HOW_LONG.sub(" ", _ABILITY.sub(" ", normalised[: match.start()] + " " + normalised[match.end():])).split()
    words = _content_words(leftover)
    return LanguageRequest(lang, only_request=len(words) <= MAX_LEFTOVER_WORDS, rest=_rest(" ".join(leftover)))


def _content_words(tokens: list[str]) -> list[str]:
    """The words among `tokens` (punctuation stripped) that are not filler."""
    return [w for w in (re.sub(r"[^\w]", "", w) for w in tokens) if w and w not in FILLER]


def _rest(leftover: str) -> str:
    """The clauses of what is left that say more than filler ("can you ?" is left of the request)."""
    clauses = re.split(r"\s*[,.;:!?]+\s*", leftover)
    return " ".join(clause.strip() for clause in clauses if _content_words(clause.split()))
