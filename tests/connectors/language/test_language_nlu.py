"""LanguageTagger: the NLU component that fills the sticky `lang` slot and the language intents."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from connectors.language.nlu import LanguageTagger


def parsed(text: str, intent: str = "ask_question", metadata: dict | None = None) -> Message:
    message = Message(data={"text": text, "metadata": metadata or {}})
    message.set("intent", {"name": intent, "confidence": 0.8})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    message.set("entities", [])
    return message


def run(message: Message) -> Message:
    return LanguageTagger().process([message])[0]


def languages(message: Message) -> list[str]:
    return [e["value"] for e in message.get("entities") if e["entity"] == "lang"]


def test_a_nynorsk_question_tags_nynorsk_and_keeps_its_intent():
    message = run(parsed("korleis søkjer eg stipend"))
    assert languages(message) == ["nn"]
    assert message.get("intent")["name"] == "ask_question"


def test_an_english_question_tags_english():
    assert languages(run(parsed("how do I get a tax card"))) == ["en"]


def test_an_unclear_message_leaves_the_slot_alone():
    assert languages(run(parsed("takk", intent="thanks"))) == []


def test_the_widget_language_fills_in():
    assert languages(run(parsed("takk", intent="thanks", metadata={"lang": "en"}))) == ["en"]


def test_a_request_with_a_question_goes_out_with_the_question_alone():
    message = run(parsed("can you answer in english? where do i test for chlamydia"))
    assert languages(message) == ["en"] and message.get("intent")["name"] == "ask_question"
    assert message.get("without_language_request") == "where do i test for chlamydia"
    assert run(parsed("in english please", intent="greet")).get("without_language_request") is None


def test_a_bare_request_becomes_switch_language():
    message = run(parsed("in english please", intent="greet"))
    assert languages(message) == ["en"]
    assert message.get("intent") == {"name": "switch_language", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "switch_language"


def test_a_foreign_message_becomes_other_language():
    message = run(parsed("мені потрібна допомога"))
    assert message.get("intent")["name"] == "other_language"
    assert languages(message) == []


def test_the_model_alone_cannot_claim_a_language_intent():
    message = run(parsed("hvordan søker jeg stipend", intent="other_language"))
    assert message.get("intent")["name"] == "ask_question"


def test_button_payloads_are_left_alone():
    message = run(parsed('/switch_language{"lang": "nn"}', intent="switch_language"))
    assert languages(message) == []
    assert message.get("intent")["name"] == "switch_language"
