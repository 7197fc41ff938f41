"""Figures come from messages the NLU never trained on: no evaluation message (and no dialogue turn
of four words or more; "ja" and "nei takk" are meant to be known) equals an example in
training_data/nlu, and no example holds an evaluation message of four words or more inside it (an
evaluation message with a tail), compared without case, punctuation and entity annotations. The
crisis classifier's examples and the knowledge base's phrasings have their own tests."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", str(text).lower()).strip()


def plain(example: str) -> str:
    """The example's text without Rasa entity annotations: `[Oslo](city)` -> `Oslo`."""
    return re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", example)


def test_no_evaluation_message_is_an_nlu_training_example():
    training = set()
    for path in (ROOT / "training_data" / "nlu").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            training |= {norm(plain(line.strip()[2:])) for line in (item.get("examples") or "").splitlines() if line.strip()}
    padded = [f" {text} " for text in training]
    for path in sorted((ROOT / "tests" / "data").glob("eval_*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = [item for value in data.values() if isinstance(value, list) for item in value if isinstance(item, dict)]
        texts = [item["text"] for item in items if "text" in item]
        texts += [turn["user"] for item in items for turn in item.get("turns") or [] if len(norm(turn["user"]).split()) >= 4]
        shared = [text for text in texts if norm(text) in training]
        assert not shared, (path.name, len(shared))
        long = {f" {norm(text)} " for text in texts if len(norm(text).split()) >= 4}
        held = [example for example in padded if any(message in example for message in long)]
        assert not held, (path.name, len(held))
