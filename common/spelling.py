"""Spelling and dialect normalisation shared by search (the knowledge base) and the NLU.

Young people write the way they speak: nynorsk, northern, western and trøndersk forms ("æ har
itj penga", "ka e", "kossen"), SMS forms ("d e", "vet ke", "hvordn"), and æ, ø and å typed as
"ae", "oe", "aa" or as plain "a" and "o" on a keyboard without them ("laanekassen",
"forerkort"). Each word is mapped to its bokmål form, so that one spelling of a concept meets
the others in BM25 and in the NLU's features.

- `bokmal_word(word)`: one lower-case word to bokmål, by the table below (unknown words stay).
- `restore_letters(word, known)`: "laanekassen" -> "lånekassen" when the repaired word is in
  `known` (a vocabulary: the knowledge base's words). "aa" is repaired without a vocabulary,
  since no Norwegian or English word the bot needs has it.
- `normalise_words(text, known=None)`: NFKC, lower case, words, letters restored, bokmål forms.

One module for both environments (stdlib only): the knowledge-base service imports it too.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Collection

# Forms that differ from bokmål: nynorsk, spoken and dialect forms, SMS spellings. The value is the
# bokmål word a search or the NLU should see. Words that are ambiguous across languages ("no" is
# also English) are mapped only where both readings are stop words anyway.
BOKMAL_FORMS: dict[str, str] = {
    # pronouns
    "eg": "jeg", "æ": "jeg", "jæ": "jeg", "je": "jeg",
    "mæ": "meg", "mæg": "meg", "mei": "meg", "dæ": "deg", "dei": "de", "sæ": "seg",
    "ho": "hun", "hu": "hun", "dokker": "dere", "dokk": "dere", "dykk": "dere", "dem": "de",
    "ka": "hva", "kva": "hva", "va": "hva", "hæ": "hva", "kem": "hvem", "kæm": "hvem", "kven": "hvem",
    "kor": "hvor", "kvar": "hvor", "korleis": "hvordan", "kordan": "hvordan", "kossen": "hvordan",
    "koss": "hvordan", "kossn": "hvordan", "åssen": "hvordan", "åssn": "hvordan", "åsn": "hvordan",
    "hvordn": "hvordan", "hvorden": "hvordan", "hvrdan": "hvordan", "hvorda": "hvordan",
    "kvifor": "hvorfor", "koffor": "hvorfor", "kofor": "hvorfor", "koffer": "hvorfor",
    "noko": "noe", "nokka": "noe", "nåkka": "noe", "nokon": "noen", "nokre": "noen", "nån": "noen",
    "nokke": "noe", "nåkke": "noe", "någe": "noe", "nåke": "noe", "nåkå": "noe",
    "nåkken": "noen", "nokken": "noen", "nåkon": "noen", "nåkån": "noen", "hjælp": "hjelp", "hjælpe": "hjelpe",
    # negation and little words
    "ikkje": "ikke", "itj": "ikke", "ittj": "ikke", "ikkj": "ikke", "ikk": "ikke", "kke": "ikke",
    "ke": "ikke", "inkje": "ikke", "ente": "ikke", "iggje": "ikke",
    "e": "er", "d": "det", "te": "til", "åt": "til", "tå": "av",
    "frå": "fra", "ifrå": "fra", "berre": "bare", "bære": "bare", "meir": "mer", "mykje": "mye",
    "mykkje": "mye", "masse": "mye", "no": "nå", "nu": "nå", "enno": "ennå", "sjølv": "selv",
    "sjøl": "selv", "sjæl": "selv", "viss": "hvis", "dersom": "hvis", "medan": "mens",
    "heilt": "helt", "heile": "hele", "eigentleg": "egentlig", "saman": "sammen",
    "gong": "gang", "gonger": "ganger", "pga": "grunn", "tlf": "telefon", "nr": "nummer",
    # verbs
    "ha": "har", "fær": "får", "fekk": "fikk", "treng": "trenger",
    "trænge": "trenger", "trenge": "trenger", "gjere": "gjøre", "gjer": "gjør",
    "seie": "si", "seier": "sier", "vere": "være", "veit": "vet", "vett": "vet",
    "søkje": "søke", "søkjer": "søker", "kjem": "kommer", "kjæm": "kommer", "kome": "komme",
    "bur": "bor", "bu": "bo", "sjå": "se", "fortel": "forteller", "ringje": "ringe",
    "ringjer": "ringer", "spørje": "spørre", "spurde": "spurte", "jobbar": "jobber",
    "byrjar": "begynner", "byrje": "begynne", "tene": "tjene", "tener": "tjener",
    "reknar": "regner", "rekne": "regne", "truar": "truer", "rana": "ranet", "kastar": "kaster",
    "ete": "spise", "mobba": "mobbet", "mobbar": "mobber", "plage": "plager",
    "plaga": "plaget", "melde": "anmelde",
    # nouns and adjectives
    "løyve": "tillatelse", "løyvet": "tillatelsen", "opphaldsløyve": "oppholdstillatelse",
    "opphaldsløyvet": "oppholdstillatelsen", "arbeidsløyve": "arbeidstillatelse", "studieløyve": "studietillatelse",
    "opphald": "opphold",
    "heime": "hjemme", "heim": "hjem", "hjæmme": "hjemme", "skule": "skole", "skulen": "skolen",
    "skular": "skoler", "skolan": "skolen", "vidaregåande": "videregående",
    "pengar": "penger", "penga": "penger", "pæng": "penger", "pengane": "pengene",
    "pengan": "pengene", "løn": "lønn", "lærar": "lærer", "lærarar": "lærere",
    "foreldra": "foreldrene", "mora": "moren", "gut": "gutt", "gutar": "gutter",
    "sjølvmord": "selvmord", "bortebuarstipend": "borteboerstipend", "bortebuar": "borteboer",
    "førarkort": "førerkort", "førar": "fører", "gamal": "gammel", "gammal": "gammel",
    "fleire": "flere", "veker": "uker", "veke": "uke", "hovudverk": "hodepine", "hovud": "hode",
    "sommarjobb": "sommerjobb", "sommar": "sommer", "haust": "høst", "klokka": "klokken",
    "sjukt": "sykt", "sjuk": "syk", "sjukehus": "sykehus", "einsam": "ensom", "einsame": "ensomme",
    "ven": "venn", "vener": "venner", "venen": "vennen", "arbeidsgjevar": "arbeidsgiver",
    "arbeidsgivar": "arbeidsgiver", "løyve": "tillatelse", "skuleplass": "skoleplass",
    "elevar": "elever", "helsesjukepleiar": "helsesykepleier",
    "helsesjukepleiaren": "helsesykepleieren", "helsesøster": "helsesykepleier",
    "kjærast": "kjæreste", "kjærasten": "kjæresten", "syster": "søster", "systera": "søsteren",
    "bilete": "bilder", "biletet": "bildet", "bileta": "bildene", "nakenbilete": "nakenbilder",
    "nakenbileta": "nakenbildene", "husleige": "husleie", "vanskeleg": "vanskelig",
    "hjarte": "hjerte", "lappen": "førerkort",
}

TOKEN = re.compile(r"\w+")
_VOWELS_TO_TRY = {"a": ("å", "æ"), "o": ("ø",)}
# Digraphs people type for the letters: tried before single letters.
_DIGRAPHS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"))
MAX_SINGLE_LETTER_SWAPS = 3


def bokmal_word(word: str) -> str:
    """The bokmål form of one lower-case word, or the word itself."""
    return BOKMAL_FORMS.get(word, word)


def _digraph_variants(word: str) -> list[str]:
    variants = {word}
    for typed, letter in _DIGRAPHS:
        variants |= {v.replace(typed, letter) for v in variants}
    variants.discard(word)
    return sorted(variants, key=len)


def _letter_variants(word: str) -> list[str]:
    positions = [i for i, ch in enumerate(word) if _VOWELS_TO_TRY.get(ch)]
    if not positions or len(positions) > 6:
        return []
    found: list[str] = []
    for count in range(1, min(MAX_SINGLE_LETTER_SWAPS, len(positions)) + 1):
        for chosen in itertools.combinations(positions, count):
            for letters in itertools.product(*(_VOWELS_TO_TRY[word[i]] for i in chosen)):
                chars = list(word)
                for i, letter in zip(chosen, letters):
                    chars[i] = letter
                found.append("".join(chars))
    return found


def restore_letters(word: str, known: Collection[str] | None = None) -> str:
    """`word` with æ, ø and å put back where it was typed without them.

    Without a vocabulary only "aa" becomes "å". With one, "ae"/"oe"/"aa" and then single "a"/"o"
    (at most three of them) are tried, and the first variant in `known` wins; a word already in
    `known`, or with æ, ø or å in it, stays as it is.
    """
    if len(word) < 3 or any(ch in word for ch in "æøå"):
        return word
    if known is None:
        return word.replace("aa", "å") if "aa" in word else word
    if word in known or bokmal_word(word) in known:
        return word
    for variant in _digraph_variants(word) + _letter_variants(word):
        if variant in known or BOKMAL_FORMS.get(variant) in known:
            return variant
    return word


def normalise_words(text: str, known: Collection[str] | None = None) -> list[str]:
    """Lower-case bokmål words of `text`: letters restored (see `restore_letters`), then mapped."""
    text = unicodedata.normalize("NFKC", text).lower()
    return [bokmal_word(restore_letters(word, known)) for word in TOKEN.findall(text)]
