"""LowMoodIntent: a statement of feeling low that DIET read as a question becomes `feeling_down`."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from connectors.nlu_mood import LowMoodIntent


def run(text: str, intent: str, gated: str | None = None) -> Message:
    message = Message(data={TEXT: text})
    message.set("intent", {"name": intent, "confidence": 0.8})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    if gated:
        message.set("gated_intent", gated)
    return LowMoodIntent({}).process([message])[0]


@pytest.mark.parametrize("intent", ["ask_question", "nlu_fallback", "out_of_scope", "crisis"])
def test_a_low_feeling_read_as_a_question_is_feeling_down(intent):
    assert run("føle mæ så tom og åleine for tida", intent).get("intent")["name"] == "feeling_down"


def test_a_gated_reading_is_cleared():
    message = run("life is just so heavy rn", "ask_question", gated="goodbye")
    assert message.get("intent")["name"] == "feeling_down" and message.get("gated_intent") is None


@pytest.mark.parametrize(("text", "intent"), [
    ("føler meg så alene, hvem kan jeg snakke med?", "ask_question"),  # a question: answered as one
    ("hvordan søker jeg bostøtte", "ask_question"),  # no feeling
    ("jeg er så lei meg", "request_human"),  # intents that are not a question keep theirs
    ("jeg er så lei meg", "check_in"),
    ('/choose_entry{"entry_id": "trist"}', "ask_question"),
])
def test_everything_else_is_left_alone(text, intent):
    assert run(text, intent).get("intent")["name"] == intent
