"""The end-to-end evaluation's scoring (scripts/eval_e2e.py): a turn's expectation may give each
field as one value or a list, as the helper-written sets do, and a wrong field fails the turn."""

from __future__ import annotations

import pytest

from support import processes  # noqa: F401  (puts scripts/ on the path)

import eval_e2e  # noqa: E402


ANSWER = {"kind": "answer", "service": "lanekassen", "lang": "en", "_kinds": ["answer"]}


@pytest.mark.parametrize("expect", [
    {"kind": "answer", "service": "lanekassen", "lang": "en"},
    {"kind": ["answer", "clarify"], "service": ["lanekassen"], "lang": ["en"]},
    {"kind": ["answer"], "lang": ["nb", "en"]},
])
def test_a_turn_is_met_whether_its_fields_are_values_or_lists(expect):
    assert eval_e2e.turn_met(ANSWER, expect)


@pytest.mark.parametrize("expect", [
    {"kind": "answer", "service": "lanekassen", "lang": "nb"},
    {"kind": ["answer"], "service": ["lanekassen"], "lang": ["nb"]},
    {"kind": ["clarify"], "lang": ["en"]},
    {"kind": "answer", "service": ["vilbli"], "lang": "en"},
])
def test_a_turn_with_a_wrong_field_is_not_met(expect):
    assert not eval_e2e.turn_met(ANSWER, expect)


def reply_of(*customs):
    return eval_e2e.main_reply([{"text": "...", "custom": c} for c in customs])


def test_a_crisis_answer_then_an_expected_answer_is_right_and_alone_is_other():
    crisis = {"kind": "crisis", "category": "sexual_abuse", "lang": "nb"}
    answer = {"kind": "answer", "service": "politiet", "lang": "nb"}
    assert eval_e2e.outcome(reply_of(crisis, answer), ["politiet", "slettmeg"]) == "right"
    assert eval_e2e.outcome(reply_of(crisis, answer), ["slettmeg"]) == "other"
    assert eval_e2e.outcome(reply_of(crisis), ["politiet"]) == "other"
    assert eval_e2e.outcome(reply_of(answer), ["slettmeg"]) == "wrong"


def test_the_chat_networks_reply_counts_as_an_answer_from_the_first_service_it_lists():
    network = {"kind": "network", "lang": "en", "services": ["sex-og-samfunn", "alarmtelefonen", "mental-helse"]}
    assert eval_e2e.outcome(reply_of(network), ["sex-og-samfunn"]) == "right"
    assert eval_e2e.outcome(reply_of(network), ["alarmtelefonen"]) == "wrong"
    assert eval_e2e.turn_met(reply_of(network), {"kind": ["answer"], "service": ["sex-og-samfunn"]})
    # a network reply listing nothing is no answer
    assert eval_e2e.outcome(reply_of({"kind": "network", "lang": "en", "services": []}), ["kors-pa-halsen"]) == "other"
