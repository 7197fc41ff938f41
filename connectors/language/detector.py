"""Which language a young person writes: bokmål (nb), nynorsk (nn), English (en), or other.

General detectors confuse bokmål with Danish and nynorsk with bokmål on short messages, so small
marker lists decide first ("eg ikkje" is nynorsk, "jeg ikke" bokmål); lingua (a maintained,
offline n-gram detector) decides the rest. Messages in a non-Latin script are "other" at once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LANGUAGES = ("nb", "nn", "en", "other")

WORD = re.compile(r"[^\W\d_]+")

NYNORSK = frozenset(
    "eg ikkje kva korleis kvifor kvar kven kvi heime heim berre noko nokon nokre frå meir mykje "
    "vere vore treng gjere gjer seie seier skule skulen søkje søkjer høyre veit ho dei deira sjølv "
    "eigen eige eit ein fleire veke veker sommar då kjem kome fekk vart vert byrje byrjar "
    "ikkj dykk dokker nynorsk bur bu tek ete et hugsar hugse høyrer "
    "vanskeleg eigentleg heilt heile saman einsam venen vener spørje "
    "ringje lærar lærarar elevar gut gutar kjærast kjærasten pengar skulen".split()
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


def detect_language(text: str) -> str:
    """nb, nn, en or other for one message; empty text counts as bokmål, the default."""
    if _non_latin(text):
        return "other"
    words = WORD.findall(unicodedata.normalize("NFKC", text).lower())
    if not words:
        return "nb"
    nynorsk = sum(word in NYNORSK for word in words)
    bokmal = sum(word in BOKMAL for word in words)
    english = sum(word in ENGLISH for word in words)
    foreign_nordic = sum(word in DANISH_SWEDISH for word in words)
    if foreign_nordic and foreign_nordic >= nynorsk + bokmal:
        return "other"
    if nynorsk > bokmal and nynorsk >= english:
        return "nn"
    if bokmal > nynorsk and bokmal >= english:
        return "nb"
    if english > nynorsk + bokmal and english * 2 >= len(words):
        return "en"
    from lingua import Language

    found = _lingua().detect_language_of(text)
    if found == Language.ENGLISH:
        return "en"
    if found == Language.NYNORSK:
        return "nn"
    if found in (Language.BOKMAL, Language.DANISH) and not foreign_nordic:
        # On short messages Danish is usually bokmål here; a Danish writer gets bokmål anyway.
        return "nb"
    return "other"
