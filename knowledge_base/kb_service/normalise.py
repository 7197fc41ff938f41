"""Text normalisation for Norwegian retrieval: lower case, nynorsk mapped to bokmål, stop words
dropped, Snowball stems, split compound words joined again ("skatte kort" also yields
"skattekort"), and character 4-grams of longer words, which carry typos ("borteboer stipen")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Collection, Iterable

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_NORWEGIAN
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from common.spelling import bokmal_word, normalise_words


# Snowball does not merge nynorsk, dialect and bokmål forms, so words are mapped to bokmål first
# (common/spelling.py, shared with the NLU), with æ, ø and å restored against the index's
# own words when a vocabulary is given.
TOKEN = re.compile(r"\w+")
# bm25s's English list has 33 words, so "what", "how", "my" and "can" counted as evidence in
# English questions; scikit-learn's fuller list is used, less the words that carry meaning here
# ("fire", "call", "alone", "cry", "nobody", "move"...). Chat fillers and question words the
# Snowball Norwegian list lacks are added for both languages.
KEPT_ENGLISH = frozenset(
    "fire call serious alone cry empty bill find found full move keep take interest detail system "
    "name give show part side top front back never nobody nothing noone against without first last "
    "amount sincere thick thin".split()
)
CHAT_FILLERS = frozenset(
    "hvilket hvilke liksom egentlig altså typ lol idk pls plis plz hei hallo helt "
    "veldig mye litt jo vel ok okei lurer im dont doesnt didnt cant wont isnt does did doing "
    "kinda like just really stuff thing things u ur w n r ya tbh rn know want m s t ve ll d".split()
)
STOPWORDS = (
    frozenset(STOPWORDS_NORWEGIAN) | frozenset(STOPWORDS_EN) | (ENGLISH_STOP_WORDS - KEPT_ENGLISH) | CHAT_FILLERS
)
GRAM = 4
MIN_GRAM_WORD = 5


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("norwegian")


def words(text: str, known: Collection[str] | None = None) -> list[str]:
    """Lower-case bokmål words (see `common.spelling.normalise_words`)."""
    return normalise_words(text, known)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word of `texts`, as typed and in its bokmål form: what `restore_letters` checks."""
    found: set[str] = set()
    for text in texts:
        raw = TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
        found.update(raw)
        found.update(bokmal_word(word) for word in raw)
    return frozenset(found)


ENGLISH_MARKERS = frozenset(STOPWORDS_EN) | frozenset(
    "i you my me is are do does can how what where who when why have get need there im dont".split()
)


def english_share(text: str) -> float:
    """Share of a message's words that are English function words: a cheap language hint."""
    found = TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    return sum(word in ENGLISH_MARKERS for word in found) / len(found) if found else 0.0


# Phrasal verbs whose verb alone means something else: "slo opp" is a break-up, not a blow (it
# met the entries on violence by "slo"). Rewritten to the words the entries use.
PHRASAL = (
    (re.compile(r"\b(?:slo|slått|slår|slå|sloe)\s+(?:det\s+)?opp\b"), "gjorde det slutt"),
)


def _phrasal(text: str) -> str:
    lowered = text.lower()
    for pattern, replacement in PHRASAL:
        lowered = pattern.sub(replacement, lowered)
    return lowered


def tokens(text: str, known: Collection[str] | None = None) -> list[str]:
    """BM25 tokens: stems, neighbouring words joined, and '#'-marked character 4-grams.

    `known` is the index's vocabulary, for restoring æ, ø and å in a query ("laanekassen")."""
    plain = [word for word in words(_phrasal(text), known) if word not in STOPWORDS]
    stems = _stemmer().stemWords(plain)
    joined = _stemmer().stemWords([a + b for a, b in zip(plain, plain[1:])])
    grams = [
        "#" + word[i : i + GRAM]
        for word in plain
        if len(word) >= MIN_GRAM_WORD
        for i in range(len(word) - GRAM + 1)
    ]
    return stems + joined + grams
