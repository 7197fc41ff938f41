"""Figures come from messages the NLU never trained on: no evaluation message (and no dialogue turn
of four words or more; "ja" and "nei takk" are meant to be known) equals an example in
training_data/nlu, and no example holds an evaluation message of four words or more inside it (an
evaluation message with a tail). Texts are compared as the model sees them: without case,
punctuation and entity annotations, after the spelling normalisation ("ka e" is "hva er"). The
crisis classifier's examples and the knowledge base's phrasings have their own tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.eval_sets import CONTAINED_WORDS, eval_sets, key, plain, seen

ROOT = Path(__file__).resolve().parents[2]


def nlu_keys() -> set[str]:
    training = set()
    for path in (ROOT / "training_data" / "nlu").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            lines = (item.get("examples") or "").splitlines()
            training |= {key(plain(line.strip()[2:])) for line in lines if line.strip()}
    return training


def test_no_evaluation_message_is_an_nlu_training_example():
    training = nlu_keys()
    for found in eval_sets():
        turns = [turn for turn in found.turns if len(key(turn).split()) >= CONTAINED_WORDS]
        shared = seen([*found.messages, *turns], training)
        assert not shared, (found.name, len(shared), shared[:3])


def test_the_comparison_sees_through_spelling_and_tails():
    training = {key("hva er bup for noe"), key("jeg vil snakke med en voksen om mobbing i dag")}
    assert seen(["Ka e BUP for nokke?"], training) == ["Ka e BUP for nokke?"]
    assert seen(["snakke med en voksen om mobbing"], training) == ["snakke med en voksen om mobbing"]
    assert seen(["voksen om"], training) == []
    assert seen(["hva er nav"], training) == []
