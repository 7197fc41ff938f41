"""Reading a short message in the light of the conversation: follow-ups, corrections, choices.

All functions are pure (text in, plain values out), so they are tested on their own vectors:

- `follow_up(text)`: does the message lean on the last topic ("og hvis jeg bor hjemme?", "hva med
  bil da", "what about mopeds", a bare age "er 15 forresten", a short question about "them")?
- `correction(text)`: "nei, jeg mente moped" -> "moped" (the part that replaces the topic), else None.
- `ordinal(text, count)`: "den andre", "nr 2", "the last one" -> an index into `count` options.
- `option_by_words(text, titles)`: the one option whose title the message names, or None.
- `last_bot_custom(events)`: the `custom` payload of the bot's last message before this turn.
- `topic_words(text)`: the words that could name a menu topic ("jobb og penger" -> jobb, penger).
- `dissatisfied(text)`: does the message say the last reply did not help ("det hjalp ikke",
  "skjønte ingenting", "too complicated", "that's not what I asked")?
- `leading_yes_no(text)`: "affirm" or "deny" when the message opens with a yes or a no ("nei,
  trengs ikke", "ja det hadde vært fint"), else None.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from common.dissatisfied import dissatisfied  # noqa: F401 (the actions import it from here)
from common.question import asks_question  # noqa: F401 (the actions import it from here)
from common.spelling import normalise_words
from common.yes_no import leading_yes_no  # noqa: F401 (the actions import it from here)

# Openings that continue the last topic: "og ...", "hva med ...", "what about ...", "enn ...".
_FOLLOW_UP_START = re.compile(
    r"^(?:og|å|men|enn|så|også|samme|same|and|but|also|or|eller"
    r"|(?:hva|ka|kva|va|hvordan|korleis|what|how) (?:med|om|about|if)"
    r"|(?:hvis|viss|om|dersom|if) (?:jeg|eg|æ|i|man|en|du|you|me)"
    r"|gjelder (?:det|dette|det også)|does (?:that|it|this) (?:apply|count|work)"
    r"|er det (?:samme|likt|det samme)|is it the same)\b"
)
# Endings of a question that only makes sense with the last one: "... da?", "... then?".
_FOLLOW_UP_END = re.compile(r"\b(?:da|då|then|too|også|au|og)\s*$")
# A bare age, in any of the three languages: "15", "er 15 forresten", "I'm 16", "eg er 14 år".
_AGE_ONLY = re.compile(
    r"^(?:(?:men |og |but |and )?(?:jeg|eg|æ|i|je)?\s*(?:er|e|am|m|'m)?\s*)"
    r"(\d{1,2})\s*(?:år|aar|years?(?: old)?|yo|y o)?\s*(?:gammel|gamal|old)?\s*"
    r"(?:selv|sjøl|sjølv|sjø|sjæl|self|myself|nå|no|now|forresten|btw|by the way|altså|da|då|hvis det betyr noe|if that matters)?$"
)
# One or more: "nei sorry, ...", "oops sorry i meant ...", "nei altså, ...".
_NO = r"(?:(?:nei|nope|no|neida|nah|sorry|sry|unnskyld|orsak|oi|oops|ops|altså|asså|liksom|well|i mean)\b[\s,.!]*)+"
_I = r"(?:jeg|eg|æ|i|je) ?"
_CORRECTION = re.compile(
    # "(nei,) jeg mente ...", "no I meant ...", "nei, jeg mener ...", "it wasn't that, I meant ..."
    rf"^(?:(?:{_NO})?{_I}(?:mente|meinte|meant|tenkte på|was thinking of|was asking about|lurte på)"
    # the subject dropped, as in chat: "nei, mente lånet", "no, meant the loan"
    rf"|{_NO}(?:mente|meinte|meant|tenkte på|lurte på)"
    rf"|{_NO}{_I}(?:mener|meiner|mean|tenker på|lurer på)"
    r"|(?:det var|det er|it was|it s|its) (?:ikke|ikkje|not) (?:det|that)[\s,.!]*(?:jeg|eg|i)? ?(?:mente|meinte|meant)?)"
    r"\s*(?:på|om|about|of|:)?\s*"
)
_ORDINALS = (
    (0, re.compile(r"\b(?:første|fyrste|forste|first|1|1st|øverste|top)\b")),
    (1, re.compile(r"\b(?:andre|second|2|2nd|to|two|midten|middle|mellomste)\b")),
    (2, re.compile(r"\b(?:tredje|third|3|3rd|tre|three)\b")),
    (-1, re.compile(r"\b(?:siste|last|nederste|bottom)\b")),
)
_ORDINAL_WORDS = frozenset(
    "den det nr nummer number no alternativ alternativet option valg the one den der da då takk "
    "please pls ja yes jo one alternativ option".split()
)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.lower()))


# Pronouns that need an antecedent: in a short question they point back to the last topic
# ("hva er nummeret deres", "koster det noe?", "when are they open").
_BACK_REFERENCE = re.compile(
    r"\b(?:deres|dykkar|deira|dei|dem|de|their|them|they|theirs|it|its|there|der|dit|den|samme|same)\b"
)
# In a very short question a definite "the deadline", "det", "that" points back too.
_SHORT_DET = re.compile(r"\b(?:det|d|that|this|dette|the)\b")
BACK_REFERENCE_WORDS = 7
SHORT_DET_WORDS = 4


def strong_follow_up(text: str) -> bool:
    """Marked as a follow-up: "og ...", "hva med ...", a bare age. (A closing "da" is a filler in
    many standalone questions, so it only counts as a weak sign: `refers_back`.)"""
    plain = _plain(text)
    return bool(plain and (_FOLLOW_UP_START.match(plain) or _AGE_ONLY.match(plain)))


def refers_back(text: str) -> bool:
    """A short question about "them" or "it", which needs the last topic to make sense."""
    plain = _plain(text)
    words = len(plain.split())
    return bool(
        (words <= BACK_REFERENCE_WORDS and (_BACK_REFERENCE.search(plain) or _FOLLOW_UP_END.search(plain)))
        or (words <= SHORT_DET_WORDS and _SHORT_DET.search(plain))
    )


def follow_up(text: str) -> bool:
    return strong_follow_up(text) or refers_back(text)


# The longest message read as a bare question ("må eg betale noko", "kor ringer eg").
SHORT_QUESTION_WORDS = 6


def short_question(text: str) -> bool:
    """A question of a few words ("må eg betale noko?", "hvor søker man"): right after an answer,
    and when the knowledge base cannot place it alone, it leans on the last topic."""
    plain = _plain(text)
    return bool(plain) and len(plain.split()) <= SHORT_QUESTION_WORDS and asks_question(text)


def age(text: str) -> int | None:
    """The age in a bare-age message ("er 15 forresten"), or None."""
    match = _AGE_ONLY.match(_plain(text))
    return int(match.group(1)) if match else None


# "..., ikke stipend" at the end of a correction names the old topic: it is dropped.
_NEGATED_TAIL = re.compile(r"\s*,?\s*\b(?:ikke|ikkje|not|no|ikke om|ikkje om|not about)\b(?:\s+\w+){1,3}\s*$")


# A clause that says what it is not ("..., ikke skatt.", "... but not the tax one,"), between
# punctuation marks: in a correction, it names the old topic, not the new one.
_NEGATED_CLAUSE = re.compile(r"(?:^|(?<=[,.;:!?]))\s*(?:men |but )?(?:ikke|ikkje|not)\b[^,.;:!?]*", re.IGNORECASE)


# "not at school, I mean online ...", "ikke på skolen, jeg mener på nett": what it is not first.
_NOT_BUT = re.compile(
    rf"^(?:{_NO})?(?:ikke|ikkje|itj|not)\b(?: [\w']+){{0,5}}? {_I}(?:mener|meiner|mean|mente|meinte|meant)\b\s*(?:på|om|about|of|for)?\s*"
)


def correction(text: str) -> str | None:
    """The new topic of a correction ("nei, jeg mente moped, ikke bil" -> "moped"; "jeg mente gjeld,
    ikke skatt. skylder penger" -> "gjeld skylder penger"; "not at school i mean online" ->
    "online"), or None."""
    not_but = _NOT_BUT.match(_plain(text))
    if not_but:
        return _plain(text)[not_but.end():].strip() or None
    plain = _plain(_NEGATED_CLAUSE.sub(" ", text))
    match = _CORRECTION.match(plain)
    if not match:
        return None
    rest = plain[match.end():].strip()
    rest = _NEGATED_TAIL.sub("", rest).strip() or rest
    return rest or None


def ordinal(text: str, count: int) -> int | None:
    """The option a short message picks by position, or None. Only a message made of ordinal and
    filler words counts ("den andre", "nr 2 takk"), so "2 barn" or "to ting" are not choices."""
    plain = _plain(text)
    words = plain.split()
    if not words or len(words) > 5 or count <= 0:
        return None
    found = None
    for index, pattern in _ORDINALS:
        if pattern.search(plain):
            if found is not None:
                return None  # "den første eller andre": not a choice
            found = index
    if found is None:
        return None
    if any(word not in _ORDINAL_WORDS and not any(p.fullmatch(word) for _, p in _ORDINALS) for word in words):
        return None
    index = count - 1 if found == -1 else found
    return index if 0 <= index < count else None


_MIN_OPTION_WORD = 4


def option_by_words(text: str, titles: Sequence[str]) -> int | None:
    """The one option whose title shares a word (or a word's start) with a short message."""
    all_words = normalise_words(text)
    words = [w for w in all_words if len(w) >= _MIN_OPTION_WORD]
    if not words or len(all_words) > 6:
        return None
    scores = []
    for title in titles:
        title_words = [w for w in normalise_words(title) if len(w) >= _MIN_OPTION_WORD]
        scores.append(sum(any(t.startswith(w[:6]) or w.startswith(t[:6]) for t in title_words) for w in words))
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > 1:
        return None
    return scores.index(best)


def last_bot_custom(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """`custom` of the bot's last message before the latest user message ({} when none)."""
    seen_user = False
    for event in reversed(list(events)):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                return {}
            seen_user = True
        elif kind == "bot" and seen_user:
            return dict((event.get("data") or {}).get("custom") or {})
    return {}


# Words that name no topic: pronouns, small words, and asking for help in general. A message made
# only of these ("i need help with something", "eg treng litt hjelp", "har et spørsmål") cannot
# be routed; the topic menu is the honest reply. (Talking to someone is left out: that may be a
# request for a person, which has its own intent.)
_VAGUE_WORDS = frozenset(
    """
    i me my im i'm am a an the with for to about of on some something anything stuff thing things
    can could u you ya please pls plz need needs want have got get is it this that do dont don't
    know what how help helps helping problem problems issue issues question questions advice hey
    hi hello just really so and or but now asap bit little lil kinda sort quick small
    jeg eg æ je meg mæ min mitt mi mine en ei et ein eit noe noko nåkka nokka nåe litt lite med om
    på for til hjelp hjelpe hjelpa hjelper problem problemer problema problemet spørsmål spørre
    spørje spørja lurer lurar trenger treng trengs råd kan du deg har hei heisann hallo bare berre
    er e å og eller men ting tingen vil ville skal gjøre gjere hva kva ka va vet veit ikke ikkje
    itj nå no takk plis sånn slik liten lita
    """.split()
)


def vague(text: str) -> bool:
    """Does the message name no topic at all ("i need help with something")?"""
    words = _plain(text).split()
    return bool(words) and all(word in _VAGUE_WORDS for word in words)


# Vague words that go with a broad topic: "school stuff", "ting med jobb", "greier med familien".
_TOPIC_FILLERS = frozenset("stuff things related greier greie saker sånt sant angående angåande regarding".split())
# Asking for help or advice in general, which makes "... with school stuff" a request for a topic.
_HELP_WORDS = frozenset(
    "help hjelp hjelpe hjelpa hjelper advice råd question questions spørsmål spørre spørje lurer lurar".split()
)


def topic_words(text: str) -> list[str]:
    """The words of a message that could name a topic: all but vague words and fillers ("jobb og
    penger" -> ["jobb", "penger"], "sex pls" -> ["sex"])."""
    return [word for word in _plain(text).split() if word not in _VAGUE_WORDS and word not in _TOPIC_FILLERS]


def broad_request(text: str) -> list[str]:
    """The words that say what a general request for help is about ("hi i need help with school
    stuff" -> ["school"]; "har et spørsmål om jobb" -> ["jobb"]); [] when the message asks for no
    help or advice ("jeg trenger penger" is a need, which the knowledge base reads). The topic
    menu's `words` decide whether they name a broad topic."""
    if not any(word in _HELP_WORDS for word in _plain(text).split()):
        return []
    return topic_words(text)


