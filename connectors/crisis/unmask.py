"""Undo the ways young people hide a risk word, before the lexicon reads the message.

They mask the key word on purpose, to get past filters or out of shame, or write it playfully:
`selvm*rd`, `s3lvm0rd`, `vil bare d0`, `k u t t e meg`, `s.e.l.v.s.k.a.d.e.r`, `dööööø`. Each
rule below undoes one *kind* of masking, not one phrase, and resolves the result against the
lexicon's own words (`key_words()`: every literal word in the crisis patterns), so a rule can
only ever produce a word the lexicon already knows, or leave the text as it was:

- letters from other Nordic keyboards: ö -> ø, ä -> æ;
- letters separated by spaces, dots, hyphens or underscores ("k u t t e", "s.e.l.v"): three or
  more single letters are joined; two are joined only when that gives a key word ("d ø");
- leetspeak inside a word (0 -> o/ø, 1 -> i/l, 3 -> e, 4 -> a/å, 5 -> s, 7 -> t, @ -> a, $ -> s,
  € -> e, ! -> i/l): only in a token that also has letters, so numbers ("113", "15 år") stay;
- a masking character inside a word (`*`, `#`, `_`, `.`, `-`, `/`, `+`) is a wildcard for one or
  two letters, matched against the key words ("selvm*rd" -> "selvmord"); no match, no change;
- a letter repeated three or more times ("kuuuutter", "døøøø") is tried once and twice.

`unmask(text)` returns lower-case text; the detector normalises it further.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from . import concepts, lexicon

LETTER = "a-zæøåéèüñ"
NORDIC = str.maketrans({"ö": "ø", "ä": "æ", "ô": "ø", "â": "å", "à": "a", "á": "a"})
LEET = {"0": "øo", "1": "il", "3": "e", "4": "aå", "5": "s", "7": "t", "@": "aå", "$": "s", "€": "e", "!": "il"}
LEET_CHARS = "0-9@$€!"
MASKS = "*#_.\\-/+"
MAX_VARIANTS = 64
# A variant may also be a key word plus an ending ("forgrepet" for "forgrep"): key words this long.
MIN_STEM = 5

# Runs of single characters with separators: "k u t t e", "s.e.l.v", "k-u-t-t-e", "v-0-l-d".
_SPACED = re.compile(
    rf"(?<![{LETTER}{LEET_CHARS}])(?:[{LETTER}{LEET_CHARS}][ .\-_*/]+){{1,}}[{LETTER}{LEET_CHARS}](?![{LETTER}{LEET_CHARS}])"
)
# A token: letters, digits, leet symbols and masks.
_TOKEN = re.compile(rf"[{LETTER}{LEET_CHARS}{MASKS}]+")
_REPEAT = re.compile(rf"([{LETTER}])\1{{2,}}")


HARMLESS_SOURCES = ("IDIOMS", "TOPIC_CONTEXT", "STATS_CONTEXT")


def _collect(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _collect(item)]
    if isinstance(value, dict):
        return [v for item in value.values() for v in _collect(item)]
    return []


def _count_words(sources: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for source in sources:
        # Drop regex escapes (\b, \w, \s) so their letters do not glue onto words.
        plain = re.sub(r"\\[a-zA-Z]", " ", source)
        for word in re.findall(rf"[{LETTER}]{{2,}}", plain):
            counts[word] = counts.get(word, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    """Key words and their weight: words of the risk patterns count a thousand times more than
    words found only in idioms and topic contexts, so a mask resolves to a risk word first."""
    risk, harmless = [], []
    for name in dir(lexicon):
        if name.isupper():
            (harmless if name in HARMLESS_SOURCES else risk).extend(_collect(getattr(lexicon, name)))
    risk.extend(_collect(concepts.CONCEPTS))
    counts = {word: n for word, n in _count_words(harmless).items()}
    for word, n in _count_words(risk).items():
        counts[word] = counts.get(word, 0) + 1000 * n
    return counts


def key_words() -> frozenset[str]:
    """Every literal word (two letters or more) in the crisis lexicon's and concepts' patterns."""
    return frozenset(_word_counts())


@lru_cache(maxsize=1)
def _stems() -> frozenset[str]:
    return frozenset(w for w in _word_counts() if len(w) >= MIN_STEM)


def _known(word: str) -> bool:
    return word in _word_counts()


def _known_stem(word: str) -> bool:
    """A key word plus a short ending ("forgrepet" for "forgrep"), for leetspeak variants only."""
    return word.isalpha() and any(
        word[:n] in _stems() for n in range(max(MIN_STEM, len(word) - 4), len(word))
    )


def _collapsed(word: str) -> list[str]:
    if not _REPEAT.search(word):
        return [word]
    return [word, _REPEAT.sub(r"\1", word), _REPEAT.sub(r"\1\1", word)]


def _leet_variants(token: str) -> list[str]:
    if not any(ch in LEET for ch in token) or re.fullmatch(r"[\d\W]+", token):
        return [token]
    choices = [LEET[ch] if ch in LEET else ch for ch in token]
    return ["".join(combo) for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS)]


def _wildcard_matches(word: str) -> list[str]:
    """Key words that `word` matches with each run of mask characters as one or two letters: those
    with one letter per mask character first ("r*pa" -> "rapa" before "rumpa"), then the most
    frequent in the lexicon (a mask hides a word the lexicon knows well)."""
    pieces = [re.escape(p) for p in re.split(rf"[{MASKS}]+", word)]
    if len(pieces) < 2 or not any(pieces):
        return []
    pattern = re.compile(f"[{LETTER}]{{1,2}}".join(pieces))
    counts = _word_counts()
    return sorted((w for w in counts if pattern.fullmatch(w)), key=lambda w: (len(w) != len(word), -counts[w], w))


def _candidates(token: str) -> tuple[list[str], list[str]]:
    """Spellings to try for a token: (whole key words only, key word stems allowed)."""
    inner = token.strip(MASKS)
    exact: list[str] = []
    stems: list[str] = []
    for variant in _leet_variants(inner):
        removed = re.sub(rf"[{MASKS}]+", "", variant)
        if removed != variant:
            exact.extend(_wildcard_matches(variant))
            exact.extend(_collapsed(removed))
        exact.extend(_collapsed(variant))
        if variant != inner:
            stems.append(variant)
    return exact, stems


def _resolve(match: re.Match) -> str:
    token = match.group(0)
    inner = token.strip(MASKS)
    if inner in _word_counts() or not re.search(rf"[{LETTER}]", inner):
        return token
    if inner.isalpha() and not _REPEAT.search(inner):
        return token  # an ordinary word
    exact, stems = _candidates(token)
    for candidate in exact:
        if candidate != inner and _known(candidate):
            return token.replace(inner, candidate)
    for candidate in stems:
        if _known_stem(candidate):
            return token.replace(inner, candidate)
    return token


def _join_spaced(match: re.Match) -> str:
    run = match.group(0)
    # Double spaces or spaces between dotted groups separate words: "e g  v i l", "t.a l.i.v.e.t".
    if re.search(r"\s{2,}", run) or (re.search(r"[.\-_*/]", run) and " " in run):
        parts = re.split(r"\s{2,}" if re.search(r"\s{2,}", run) else r"\s+", run)
        return " ".join(_join_letters(part) for part in parts)
    return _join_letters(run)


def _join_letters(run: str) -> str:
    letters = re.sub(r"[ .\-_*/]+", "", run)
    resolved = _resolve(_TOKEN.fullmatch(letters)) if _TOKEN.fullmatch(letters) else letters
    if _known(resolved) or len(letters) >= 3:
        # A one-letter word may run into the spaced word: "å k u t t e", "i c u t".
        if not _known(resolved) and len(letters) >= 4:
            rest = _resolve(_TOKEN.fullmatch(letters[1:])) if _TOKEN.fullmatch(letters[1:]) else letters[1:]
            if _known(rest):
                return f"{letters[0]} {rest}"
        return resolved
    return run


def unmask(text: str) -> str:
    """Lower-case `text` with masked and playful spellings of risk words undone."""
    text = text.lower().translate(NORDIC)
    text = _SPACED.sub(_join_spaced, text)
    return _TOKEN.sub(_resolve, text)
