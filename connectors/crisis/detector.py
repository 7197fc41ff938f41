"""Crisis detection from the curated lexicon alone: no model, no network, no Redis.

`detect(text)` returns a `CrisisSignal` (category, whether the writer worries about someone else,
and which pattern fired) or None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from . import concepts, framing, lexicon
from .category import refine
from .unmask import unmask

# When several categories match, the answer leads with the most urgent one.
PRIORITY = ("acute_danger", "suicide", "sexual_abuse", "violence_home", "self_harm")

FIRST_PERSON = re.compile(
    r"\b(?:jeg|eg|je|æ|meg|mæ|me|mitt|my|myself|vi|oss|we|us)\b"
    r"|\bi (?:am|m|want|wanna|have|had|was|cut|feel|think|don t|can t|will|ll|just|keep|got|need|hate|took|tried)\b"
)
THIRD_PERSON = re.compile(
    r"\b(?:seg|sitt|sin|sine|hans|hennes|hennar|himself|herself|themselves|themself|his|her|their)\b"
)
FRIEND_MENTION = re.compile(rf"\b{lexicon.FRIEND}\b")


@dataclass(frozen=True)
class CrisisSignal:
    category: str
    third_person: bool
    pattern: str
    # "crisis": the crisis answer. "check_in": answer the question, then ask gently whether it is
    # about the young person (a help question on a crisis topic, or the NLU model alone).
    level: str = "crisis"


def normalise(text: str) -> str:
    return _clean(unmask(unicodedata.normalize("NFKC", text).lower()))


def sentences(text: str) -> list[str]:
    """The message cut at punctuation (after unmasking, so "s.e.l.v" stays whole), each piece
    normalised: the clauses a frame can be confined to."""
    unmasked = unmask(unicodedata.normalize("NFKC", text).lower())
    pieces = (_clean(p) for p in re.split(r"[,;:!?\n]+|\.(?=\s|$)", unmasked))
    return [p for p in pieces if p]


def _clean(text: str) -> str:
    text = text.replace("’", "'").replace("`", "'")
    text = re.sub(r"[^\w\s💀]", " ", text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "døøøø" -> "døø", "plsss" -> "plss"
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, dict[str, list[re.Pattern]], dict[str, list[re.Pattern]], re.Pattern]:
    """Idioms, strong patterns and topic words per category, and the topic-context pattern."""
    idioms = re.compile("|".join(f"(?:{p})" for p in lexicon.IDIOMS))
    strong = {
        "suicide": lexicon.SUICIDE,
        "self_harm": lexicon.SELF_HARM,
        "violence_home": lexicon.VIOLENCE_HOME,
        "sexual_abuse": lexicon.SEXUAL_ABUSE,
        "acute_danger": lexicon.ACUTE_DANGER,
    }
    strong_compiled = {cat: [re.compile(p) for p in patterns] for cat, patterns in strong.items()}
    topic_compiled = {
        cat: [re.compile(p) for p in patterns] for cat, patterns in lexicon.TOPIC_WORDS.items()
    }
    topic_context = re.compile("|".join(f"(?:{p})" for p in lexicon.TOPIC_CONTEXT))
    return idioms, strong_compiled, topic_compiled, topic_context


@lru_cache(maxsize=1)
def _stats_context() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.STATS_CONTEXT))


@lru_cache(maxsize=1)
def _concepts() -> dict[str, re.Pattern]:
    return {name: re.compile(pattern) for name, pattern in concepts.CONCEPTS.items()}


def _concept_match(cleaned: str, rules: list) -> tuple[str, str] | None:
    """The first concept rule whose concepts all occur: (category, rule description)."""
    compiled = _concepts()
    found: dict[str, bool] = {}
    for category, needed in rules:
        if all(found.setdefault(name, bool(compiled[name].search(cleaned))) for name in needed):
            return category, "+".join(needed)
    return None


SUBJECT_PRONOUN = re.compile(r"\b(?:han|hun|ho|hen|he|she|they|ham|henne|him|her)\b")
OWNER = r"(?:min|mi|mitt|mine|my|our|vår)"
FRIEND_PHRASE = re.compile(
    rf"(?:\b{OWNER} (?:best |beste |close |good |gode |nære |old |gamle |little |lille |vesle |big |store |older |younger )?)?"
    rf"\b{lexicon.FRIEND}\b(?: {OWNER}\b)?"
)
# "min venninne", "my friend": someone the writer knows, who may be in danger.
FRIEND_PHRASE_OWNED = re.compile(rf"\b{OWNER} (?:\w+ )?{lexicon.FRIEND}\b|\b{lexicon.FRIEND} {OWNER}\b")
# "jeg" in these phrases is the worried writer, not the person in danger.
WORRIED_WRITER = re.compile(
    r"\b(?:jeg|eg|i) (?:er|e|m|am) (?:så |so |veldig |very )?(?:redd|rædd|bekymra|bekymret|worried|scared|afraid|usikker)\b"
    r"|\b(?:jeg|eg|i) (?:vet|veit|know|don t know|dont know)(?: ikke| ikkje| not)?\b|\b(?:jeg|eg|i) (?:tror|trur|think|lurer|lurar|wonder)\b"
    r"|\b(?:hva|kva|what) (?:skal|bør|kan|gjør|gjer|should|can|do) (?:jeg|eg|i)(?: gjøre| gjere| do)?\b"
    r"|\b(?:hva|kva|what) (?:jeg|eg|i) (?:skal|bør|kan|should|can|må|must) (?:gjøre|gjere|do|si|seie|say)\b"
    r"|\b(?:jeg|eg|i) (?:fikk|fekk|got|saw|så|hørte|heard|skal seie|skal si|should tell)\b"
    r"|\b(?:vi|we) (?:får|fær|can t|cannot|kan) (?:ikke |ikkje |not )?(?:kontakt|vekke|vekkje|tak i|reach|wake)\b"
    r"|\b(?:til|to) (?:meg|me|oss|us)\b"
    r"|\b(?:jeg|eg|i) (?:har|have|ve) (?:sett|seen|hørt|høyrt|heard|lagt merke til|noticed)\b"
    r"|\b(?:vil|vil ikke|vil ikkje|doesn t want|does not want|don t want) (?:at )?(?:jeg|eg|me) (?:skal )?(?:si|sier|seier|forteller|fortel|to tell)\b"
)


def _is_third_person(text: str, span: str) -> bool:
    """Does the writer speak of someone else in danger, rather than of themselves?"""
    friend = FRIEND_PHRASE.search(text)
    friend_is_subject = friend is not None and len(text[: friend.start()].split()) <= 4
    if not (friend_is_subject or SUBJECT_PRONOUN.search(text)):
        return False
    rest = FRIEND_PHRASE.sub(" ", WORRIED_WRITER.sub(" ", text))
    return not FIRST_PERSON.search(rest)


def is_third_person(text: str) -> bool:
    """Does the writer of `text` worry about someone else, rather than about themselves?"""
    cleaned = normalise(text)
    return _is_third_person(cleaned, cleaned)


def detect(text: str) -> CrisisSignal | None:
    """A crisis signal for `text`, or None (see the module docstring).

    Context can make a match harmless (`framing`: school work, fiction, history, games, a small
    kitchen cut) or call for a check-in (a help question with nobody in danger named), never
    when the writer says it is about them. The category is refined for messages that fit more
    than one (`category.refine`).
    """
    normalised = normalise(text)
    cleaned = f" {normalised} "
    disclosed = framing.discloses(cleaned)
    # A disclosure overrides the lexicon's own topic vetoes too ("oppgave om selvmord fordi jeg
    # tenker på det selv").
    signal = _detect(normalised, topic_vetoes=not disclosed)
    if signal is None:
        return None
    if not disclosed:
        framed = framing.frame(cleaned)
        if framed is not None:
            rest = framing.without_framed_clauses(sentences(text))
            # The other sentences of an accident describe the wound ("small cut, how do i keep it
            # clean"): only a strong pattern there still counts.
            if _asked_for_school(cleaned, rest) or _detect(rest, strong_only=framed == "accident") is None:
                return None
        if signal.category == "self_harm" and framing.small_injury(cleaned):
            return None
        if framing.past_event_question(cleaned) or framing.recovered(cleaned):
            signal = replace(signal, level="check_in")
        elif framing.hypothetical_question(cleaned) and not (FIRST_PERSON.search(cleaned) or FRIEND_PHRASE_OWNED.search(cleaned)):
            signal = replace(signal, level="check_in")
        elif framing.asks_for_help(cleaned):
            outside = framing.HELP_QUESTION.sub(" ", cleaned)
            if not (FIRST_PERSON.search(outside) or FRIEND_PHRASE_OWNED.search(outside)):
                signal = replace(signal, level="check_in")
    refined = refine(signal.category, cleaned)
    return signal if refined == signal.category else replace(signal, category=refined)


def _asked_for_school(cleaned: str, rest: str) -> bool:
    """A sentence says the whole message is asked for school work, and nobody in the `rest` of it
    (the sentences without a frame) is the writer or someone they know ("hvor lenge etter en
    voldtekt kan man gå til overgrepsmottak? spør til en skoleoppgave")."""
    return framing.purpose(cleaned) and not (FIRST_PERSON.search(rest) or FRIEND_PHRASE_OWNED.search(rest))


def detect_crisis(text: str) -> CrisisSignal | None:
    """`detect(text)` when it calls for the crisis answer itself (not a check-in), else None."""
    signal = detect(text)
    return signal if signal is not None and signal.level == "crisis" else None


def _detect(normalised: str, topic_vetoes: bool = True, strong_only: bool = False) -> CrisisSignal | None:
    idioms, strong, topic_words, topic_context = _compiled()
    cleaned = f" {idioms.sub(' ', normalised)} "
    about_a_subject = topic_vetoes and bool(topic_context.search(cleaned))
    asks_about_a_subject = topic_vetoes and bool(_stats_context().search(cleaned))
    # School work or news about a subject, with nobody in it, is not a disclosure.
    impersonal_subject = about_a_subject and not (
        FIRST_PERSON.search(topic_context.sub(" ", cleaned)) or FRIEND_MENTION.search(cleaned)
    )
    for category in PRIORITY:
        if impersonal_subject:
            break
        for pattern in strong[category]:
            match = pattern.search(cleaned)
            if match:
                return CrisisSignal(category, _is_third_person(cleaned, match.group(0)), pattern.pattern)
        if about_a_subject or asks_about_a_subject or strong_only:
            continue
        for pattern in topic_words[category]:
            match = pattern.search(cleaned)
            if match:
                return CrisisSignal(category, _is_third_person(cleaned, cleaned), pattern.pattern)
    if about_a_subject or strong_only:
        return None
    concept = _concept_match(cleaned, concepts.UNVETOED_RULES)
    if concept is not None:
        return CrisisSignal(concept[0], _is_third_person(cleaned, cleaned), "+".join(concept[1:]))
    # A general question ("hva er vold i nære relasjoner?") with nobody in it is not a disclosure.
    if asks_about_a_subject and not FIRST_PERSON.search(cleaned) and not FRIEND_MENTION.search(cleaned):
        return None
    concept = _concept_match(cleaned, concepts.CONCEPT_RULES)
    if concept is not None:
        category, rule = concept
        return CrisisSignal(category, _is_third_person(cleaned, cleaned), rule)
    return None


CATEGORY_HINTS = (
    ("acute_danger", re.compile(r"\b(?:fare|kniv|våpen|følger etter|truer|danger|knife|gun|following)\b")),
    ("sexual_abuse", re.compile(r"\b(?:sex|seksuel\w*|overgrep\w*|ta på|tar på|tok på|misbruk\w*|touch\w*|abuse\w*|naken\w*)\b")),
    ("violence_home", re.compile(r"\b(?:slår|slo|slått|banker|vold|vald|hjemme|heime|hit|hits|beat\w*|home)\b")),
    ("self_harm", re.compile(r"\b(?:kutt\w*|skade\w*|skada\w*|cut\w*|harm\w*|hurt\w*|brenn\w*|arr)\b")),
)


def guess_category(text: str) -> str:
    """A category for a message the NLU model judged a crisis but the lexicon did not."""
    normalised = normalise(text)
    for category, hint in CATEGORY_HINTS:
        if hint.search(normalised):
            return category
    return "suicide"


# An idiom said as one: it gives an everyday reason ("... for borrowing her jacket", "... fordi jeg
# glemte det") or laughs ("haha", "lol", 💀).
_IDIOM_REASON = re.compile(r"\b(?:for|because|fordi|cause|cuz)$")
_LAUGH = re.compile(r"\b(?:haha\w*|hehe\w*|lol\w*|lmao|jk|xd)\b|💀|😂|🤣")


def risk_only_in_idioms(text: str) -> bool:
    """Do the message's only risk words stand in an idiom said as one ("my sister is going to kill
    me for borrowing her jacket", "... haha")? A classifier sure of a crisis there gets a check-in,
    not the crisis answer. Without a reason or a laugh it stays the classifier's call: "han skal
    drepe meg når jeg kommer ut" can be a real threat."""
    idioms, _, _, _ = _compiled()
    cleaned = normalise(text)
    said_as_idiom = any(_IDIOM_REASON.search(m.group(0)) for m in idioms.finditer(cleaned)) or bool(
        _LAUGH.search(text.lower())
    )
    return said_as_idiom and bool(idioms.search(cleaned)) and not has_risk_words(text)


def has_risk_words(text: str) -> bool:
    """Does anything in the message, idioms and school topics aside, touch on danger?"""
    idioms, _, _, topic_context = _compiled()
    cleaned = f" {idioms.sub(' ', normalise(text))} "
    if topic_context.search(cleaned):
        return False
    compiled = _concepts()
    return any(compiled[name].search(cleaned) for name in concepts.RISK_CONCEPTS)
