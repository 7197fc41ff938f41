"""Which language a young person writes: bokmål (nb), nynorsk (nn), English (en), or other.

General detectors confuse bokmål with Danish and nynorsk with bokmål on short messages, so small
marker lists decide first ("eg ikkje" is nynorsk, "jeg ikke" bokmål); lingua (a maintained,
offline n-gram detector) decides the rest. Messages in a non-Latin script are "other" at once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

LANGUAGES = ("nb", "nn", "en", "other")
# lingua's guess switches the conversation only when it is this many times as likely as the next.
MIN_LINGUA_MARGIN = 2.0

# Words, with English contractions kept whole ("don't", "i'm").
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

NYNORSK = frozenset(
    "eg ikkje kva korleis kvifor kvar kven kvi heime heim berre noko nokon nokre frå meir mykje "
    "vere vore treng gjere gjer seie seier skule skulen søkje søkjer høyre veit ho dei deira sjølv "
    "eigen eige eit ein fleire veke veker sommar då kjem kome fekk vart vert byrje byrjar "
    "ikkj dykk dokker nynorsk bur bu tek ete et hugsar hugse høyrer "
    "vanskeleg eigentleg heilt heile saman einsam venen vener spørje "
    "ringje lærar lærarar elevar gut gutar kjærast kjærasten pengar skulen svarar eigne eigen".split()
)

BOKMAL = frozenset(
    "jeg ikke hva hvordan hvorfor hvor hvem hjemme hjem bare noe noen fra mer mye være vært trenger "
    "gjøre gjør si sier skole skolen søke søker høre vet hun de deres selv egen eget et en flere "
    "uke uker sommer da kommer komme fikk ble blir begynne begynner jo nå hvis mens "
    "vanskelig egentlig helt hele sammen ensom venn venner spørre ringe lærer lærere elever gutt "
    "gutter kjæreste kjæresten penger åssen åssn hæ".split()
)

ENGLISH = frozenset(
    "i you he she we they my your me is are am was were do does did don't dont can can't cant "
    "how what where who when why which the a an to of in on for with and or but not have has had "
    "get got need want wanna help please pls is it this that there im i'm it's its if about "
    "should would could will my".split()
)

# Norwegian dialect forms (northern, trøndersk, western) that neither Danish nor Swedish writes:
# they say a message is Norwegian without saying which written form ("æ vet itj", "kossen går
# det"), so they outweigh a Danish-looking "hjælp" but tip neither bokmål nor nynorsk.
NORWEGIAN_DIALECT = frozenset(
    "æ mæ dæ sæ itj ittj iggje ente kossen kossn åsså kæm koffer koffor kordan dokker nåkka nåkke "
    "nokka nokke nåkken nokken hjæmme pæng penga".split()
)

# Words that mark a Scandinavian message as Danish or Swedish rather than Norwegian.
DANISH_SWEDISH = frozenset(
    "hvad hjælp brug hjælpe jag inte och är behöver hjälp vad mig dig hur".split()
)


def _non_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters) < 0.5


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.BOKMAL, Language.NYNORSK, Language.ENGLISH, Language.DANISH, Language.SWEDISH,
        Language.GERMAN, Language.POLISH, Language.LITHUANIAN, Language.SOMALI, Language.SPANISH,
        Language.TURKISH, Language.FRENCH, Language.DUTCH, Language.ITALIAN, Language.PORTUGUESE,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@dataclass(frozen=True)
class MarkerCounts:
    """How many words of a message are nynorsk, bokmål, English or Danish/Swedish markers."""

    words: int
    nynorsk: int
    bokmal: int
    english: int
    foreign_nordic: int
    dialect: int = 0


@dataclass(frozen=True)
class LanguageGuess:
    lang: str
    # Clear enough to switch a conversation's language: a single "ok" or "takk" is not.
    decisive: bool


def count_markers(text: str) -> MarkerCounts:
    words = WORD.findall(unicodedata.normalize("NFKC", text).lower())
    return MarkerCounts(
        words=len(words),
        nynorsk=sum(word in NYNORSK for word in words),
        bokmal=sum(word in BOKMAL for word in words),
        english=sum(word in ENGLISH for word in words),
        foreign_nordic=sum(word in DANISH_SWEDISH for word in words),
        dialect=sum(word in NORWEGIAN_DIALECT for word in words),
    )


def _from_markers(counts: MarkerCounts) -> LanguageGuess | None:
    norwegian = counts.nynorsk + counts.bokmal + counts.dialect
    if counts.foreign_nordic > counts.dialect and counts.foreign_nordic >= norwegian:
        return LanguageGuess("other", decisive=counts.words >= 2)
    if counts.nynorsk > counts.bokmal and counts.nynorsk >= counts.english:
        return LanguageGuess("nn", decisive=True)
    if counts.bokmal > counts.nynorsk and counts.bokmal >= counts.english:
        return LanguageGuess("nb", decisive=True)
    if counts.english > norwegian and counts.english * 2 >= counts.words:
        return LanguageGuess("en", decisive=counts.words >= 2)
    return None


def _from_lingua(text: str, counts: MarkerCounts) -> LanguageGuess:
    from lingua import Language

    ranked = _lingua().compute_language_confidence_values(text)
    found = ranked[0].language if ranked else None
    best = ranked[0].value if ranked else 0.0
    runner_up = ranked[1].value if len(ranked) > 1 else 0.0
    decisive = counts.words >= 3 and best >= MIN_LINGUA_MARGIN * runner_up
    if found == Language.ENGLISH:
        return LanguageGuess("en", decisive)
    if found == Language.NYNORSK:
        # Without a single nynorsk word ("når er søknadsfristen til vgs" has only words the two
        # forms share), nynorsk is lingua's coin toss: not enough to switch the conversation.
        return LanguageGuess("nn", decisive and counts.nynorsk > 0)
    # No Danish or Swedish word, or no more of them than Norwegian dialect forms ("æ", "itj"): a
    # dialect's spelling ("hjælp" in Trøndelag), not a foreign message.
    nordic_outweighed = counts.foreign_nordic <= counts.dialect
    if found in (Language.BOKMAL, Language.DANISH) and nordic_outweighed:
        # On short messages Danish is usually bokmål here; a Danish writer gets bokmål anyway.
        return LanguageGuess("nb", decisive)
    if found == Language.SWEDISH and nordic_outweighed:
        # No Swedish word the markers know: a Norwegian dialect or typo as often as Swedish.
        return LanguageGuess("nb", decisive=False)
    if counts.bokmal + counts.nynorsk + counts.english:
        # Words of a language the bot answers in ("nah im good"): slang, not a foreign message.
        # Telling a young person we do not speak their language costs more than a reply in the
        # conversation's language would.
        return LanguageGuess("other", decisive=False)
    return LanguageGuess("other", decisive)


def guess_language(text: str) -> LanguageGuess:
    """The language of one message, and whether it is clear enough to switch the conversation."""
    letters = sum(c.isalpha() for c in text)
    if _non_latin(text):
        return LanguageGuess("other", decisive=letters >= 2)
    counts = count_markers(text)
    if not counts.words:
        return LanguageGuess("nb", decisive=False)
    return _from_markers(counts) or _from_lingua(text, counts)


def detect_language(text: str) -> str:
    """nb, nn, en or other for one message; empty text counts as bokmål, the default."""
    return guess_language(text).lang
