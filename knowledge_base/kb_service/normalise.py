"""Text normalisation for Norwegian retrieval: lower case, nynorsk mapped to bokmål, stop words
dropped, Snowball stems, split compound words joined again ("skatte kort" also yields
"skattekort"), and character 4-grams of longer words, which carry typos ("borteboer stipen")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_NORWEGIAN

# Snowball does not merge nynorsk and bokmål forms, so common nynorsk words (and a few spoken
# forms) are mapped to bokmål before stemming.
NYNORSK_TO_BOKMAL = {
    # question words and pronouns
    "eg": "jeg", "ikkje": "ikke", "itj": "ikke", "kva": "hva", "korleis": "hvordan", "kvifor": "hvorfor",
    "kvar": "hvor", "kven": "hvem", "kor": "hvor", "noko": "noe", "nokon": "noen", "nokre": "noen",
    "ho": "hun", "dei": "de", "dykk": "dere", "berre": "bare", "sjølv": "selv",
    # everyday words that differ
    "heime": "hjemme", "heim": "hjem", "skule": "skole", "skulen": "skolen", "skular": "skoler",
    "vidaregåande": "videregående", "søkje": "søke", "søkjer": "søker", "frå": "fra", "meir": "mer",
    "mykje": "mye", "vere": "være", "treng": "trenger", "gjere": "gjøre", "gjer": "gjør",
    "seie": "si", "seier": "sier", "eigen": "egen", "eige": "eget", "pengar": "penger",
    "løn": "lønn", "tene": "tjene", "tener": "tjener", "reknar": "regner", "rekne": "regne",
    "bur": "bor", "bu": "bo", "lærar": "lærer", "lærarar": "lærere", "foreldra": "foreldrene",
    "mora": "moren", "gut": "gutt", "gutar": "gutter", "kjem": "kommer", "kome": "komme",
    "fekk": "fikk", "sjå": "se", "fortel": "forteller", "sjølvmord": "selvmord",
    "bortebuarstipend": "borteboerstipend", "bortebuar": "borteboer", "førarkort": "førerkort",
    "førar": "fører", "gamal": "gammel", "gammal": "gammel",
    "veit": "vet", "ete": "spise", "et": "spiser", "kastar": "kaster", "ringje": "ringe",
    "ringjer": "ringer", "fleire": "flere", "veker": "uker", "veke": "uke", "hovudverk": "hodepine",
    "hovud": "hode", "plaga": "plaget", "byrjar": "begynner", "byrje": "begynne", "sommarjobb": "sommerjobb",
    "klokka": "klokken", "jobbar": "jobber", "truar": "truer", "rana": "ranet",     "sjukt": "sykt", "sjuk": "syk", "sjukehus": "sykehus",     "saman": "sammen", "einsam": "ensom", "einsame": "ensomme", "ven": "venn",
    "vener": "venner", "venen": "vennen", "sommar": "sommer", "haust": "høst",
    "no": "nå", "enno": "ennå", "gong": "gang",
    "gonger": "ganger", "spørje": "spørre", "spurde": "spurte",     "arbeidsgjevar": "arbeidsgiver", "arbeidsgivar": "arbeidsgiver", "løyve": "tillatelse",
        "skuleplass": "skoleplass",     "elevar": "elever", "mobba": "mobbet", "mobbar": "mobber",     "helsesjukepleiar": "helsesykepleier", "helsesjukepleiaren": "helsesykepleieren",
    "kjærast": "kjæreste", "kjærasten": "kjæresten",
    "syster": "søster",
    "systera": "søsteren",     "melde": "anmelde", "bilete": "bilder", "biletet": "bildet", "bileta": "bildene",
    "nakenbilete": "nakenbilder", "nakenbileta": "nakenbildene",     "pengane": "pengene", "husleige": "husleie", "kome": "komme",
    "medan": "mens", "viss": "hvis", "dersom": "hvis",     "eigentleg": "egentlig", "heilt": "helt", "heile": "hele", "vanskeleg": "vanskelig",
    "hjarte": "hjerte",     # spoken forms and common misspellings
    "åssen": "hvordan", "åssn": "hvordan", "hvordn": "hvordan", "hvorden": "hvordan",
    "koss": "hvordan", "kossen": "hvordan", "ka": "hva", "jæ": "jeg", "æ": "jeg",
    "lappen": "førerkort",
}

TOKEN = re.compile(r"\w+")
STOPWORDS = frozenset(STOPWORDS_NORWEGIAN) | frozenset(STOPWORDS_EN)
GRAM = 4
MIN_GRAM_WORD = 5


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("norwegian")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    return [NYNORSK_TO_BOKMAL.get(word, word) for word in TOKEN.findall(text)]


ENGLISH_MARKERS = frozenset(STOPWORDS_EN) | frozenset(
    "i you my me is are do does can how what where who when why have get need there im dont".split()
)


def english_share(text: str) -> float:
    """Share of a message's words that are English function words: a cheap language hint."""
    found = TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    return sum(word in ENGLISH_MARKERS for word in found) / len(found) if found else 0.0


def tokens(text: str) -> list[str]:
    """BM25 tokens: stems, neighbouring words joined, and '#'-marked character 4-grams."""
    plain = [word for word in words(text) if word not in STOPWORDS]
    stems = _stemmer().stemWords(plain)
    joined = _stemmer().stemWords([a + b for a, b in zip(plain, plain[1:])])
    grams = [
        "#" + word[i : i + GRAM]
        for word in plain
        if len(word) >= MIN_GRAM_WORD
        for i in range(len(word) - GRAM + 1)
    ]
    return stems + joined + grams
