"""The messages of the evaluation sets (tests/data/eval_*.yml), and the key two texts are compared
by when a test checks that no evaluation message was trained on.

The key is the text's words after the spelling normalisation the NLU and the search both apply
(`common.spelling.normalise_words` without a vocabulary): lower case, no punctuation, "aa" as "å",
and dialect, nynorsk and SMS forms as bokmål. Two texts the model sees as the same words count as
the same text: "ka e bup for nokke" equals "hva er bup for noe".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from common.spelling import normalise_words

DATA = Path(__file__).resolve().parents[1] / "data"
# A message of this many words or more must not be held inside a longer training text either
# (an evaluation message with a tail); shorter ones ("ja takk") are meant to be known.
CONTAINED_WORDS = 4
# Sets that measure a part which learns from no examples: the language detector is rules over
# word lists, so its set's short everyday messages ("hva gjør jeg nå") may also be phrasings.
UNLEARNED = frozenset({"eval_language.yml"})


def key(text: str) -> str:
    """`text` as the words the model sees, joined by single spaces."""
    return " ".join(normalise_words(str(text)))


def plain(example: str) -> str:
    """A Rasa NLU example without entity annotations: `[Oslo](city)` -> `Oslo`."""
    return re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", example)


@dataclass(frozen=True)
class EvalSet:
    """One evaluation file: its single messages and its dialogue turns, as written."""

    name: str
    messages: tuple[str, ...]
    turns: tuple[str, ...]


def eval_sets(data_dir: Path = DATA) -> list[EvalSet]:
    """Every tests/data/eval_*.yml that measures something trained on examples (all but
    `UNLEARNED`), in name order."""
    found = []
    for path in sorted(data_dir.glob("eval_*.yml")):
        if path.name in UNLEARNED:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = [item for value in data.values() if isinstance(value, list) for item in value if isinstance(item, dict)]
        messages = tuple(str(item["text"]) for item in items if "text" in item)
        turns = tuple(str(turn["user"]) for item in items for turn in item.get("turns") or [])
        found.append(EvalSet(path.name, messages, turns))
    return found


def seen(texts: list[str] | tuple[str, ...], training: set[str]) -> list[str]:
    """The texts whose key is a training key, or (at `CONTAINED_WORDS` words or more) whose key
    lies inside one, on word boundaries. `training` holds keys."""
    padded = [f" {example} " for example in training]
    found = []
    for text in texts:
        k = key(text)
        if k in training:
            found.append(text)
        elif len(k.split()) >= CONTAINED_WORDS and any(f" {k} " in example for example in padded):
            found.append(text)
    return found
