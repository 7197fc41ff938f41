"""CrisisOverride: the NLU component that forces the crisis intent."""

from __future__ import annotations

import pytest

from rasa.shared.nlu.training_data.message import Message

from connectors.crisis.classifier import ClassifierSettings
from connectors.crisis.nlu import CrisisOverride


def parsed(text: str, intent: str, crisis_confidence: float) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.9})
    message.set(
        "intent_ranking",
        [{"name": intent, "confidence": 0.9}, {"name": "crisis", "confidence": crisis_confidence}],
    )
    message.set("entities", [])
    return message


def run(message: Message) -> Message:
    return CrisisOverride({"model_threshold": 0.9}).process([message])[0]


def entity_values(message: Message) -> dict:
    return {e["entity"]: e["value"] for e in message.get("entities")}


def test_lexicon_forces_crisis_over_any_intent():
    message = run(parsed("jeg vil ikke leve lenger", "ask_question", 0.0))
    assert message.get("intent")["name"] == "crisis"
    assert message.get("intent_ranking")[0]["name"] == "crisis"
    assert entity_values(message) == {"crisis_category": "suicide", "crisis_subject": "self"}


def test_worried_friend_is_marked_other():
    message = run(parsed("jeg tror vennen min vil ta livet sitt", "ask_question", 0.0))
    assert entity_values(message)["crisis_subject"] == "other"


def test_confident_model_counts_only_with_a_risk_word():
    assert run(parsed("alt er så mørkt og jeg vil bare dø snart", "crisis", 0.97)).get("intent")["name"] == "crisis"
    vetoed = run(parsed("det nye albumet er sinnssykt bra", "crisis", 0.99))
    assert vetoed.get("intent")["name"] == "ask_question"
    assert entity_values(vetoed) == {}


def test_idiom_with_a_confident_model_is_not_a_crisis():
    message = run(parsed("jeg døde av latter", "crisis", 0.99))
    assert message.get("intent")["name"] != "crisis"


def test_button_payloads_are_left_alone():
    message = run(parsed('/choose_entry{"entry_id": "x"}', "choose_entry", 0.0))
    assert message.get("intent")["name"] == "choose_entry"


def test_a_help_question_on_a_crisis_topic_is_a_check_in():
    message = run(parsed("forced marriage helpline norway", "ask_question", 0.0))
    assert message.get("intent")["name"] == "check_in"
    assert entity_values(message) == {"check_in_category": "violence_home"}


def test_the_model_alone_gives_a_check_in_not_the_crisis_answer():
    # No lexicon pattern, a risk word ("arr"), and a confident model: a gentle check-in.
    message = run(parsed("har så mange arr", "crisis", 0.97))
    assert message.get("intent")["name"] == "check_in"
    assert set(entity_values(message)) == {"check_in_category"}


def with_probability(message: Message, probability: float, category: str = "self_harm") -> Message:
    message.set("crisis_probability", probability)
    message.set("crisis_classifier_category", category)
    return message


def test_a_sure_classifier_gives_the_crisis_answer_with_its_category():
    message = run(with_probability(parsed("går med genser i all slags vær nå", "ask_question", 0.0), 0.95))
    assert message.get("intent")["name"] == "crisis"
    assert entity_values(message)["crisis_category"] == "self_harm"


def test_a_less_sure_classifier_gives_a_check_in_and_a_low_one_nothing():
    settings = ClassifierSettings()
    between = (settings.check_in_at + settings.crisis_at) / 2
    middle = run(with_probability(parsed("går med genser i all slags vær nå", "ask_question", 0.0), between))
    assert middle.get("intent")["name"] == "check_in"
    low = run(with_probability(parsed("går med genser i all slags vær nå", "ask_question", 0.0), 0.3))
    assert low.get("intent")["name"] == "ask_question"


@pytest.mark.parametrize("text", [
    "venninna mi får ikke mat hjemme, hvem kan jeg si det til?",
    # what to do if something happens is a help question too
    "ka gjør æ om nån har lagt ut bilda av mæ",
    "what should i do if someone shares my pics",
])
def test_a_sure_classifier_on_a_help_question_gives_a_check_in(text):
    message = run(with_probability(parsed(text, "ask_question", 0.0), 0.97))
    assert message.get("intent")["name"] == "check_in"


def test_the_lexicon_decides_before_the_classifier():
    message = run(with_probability(parsed("jeg vil ikke leve lenger", "ask_question", 0.0), 0.1, "acute_danger"))
    assert entity_values(message)["crisis_category"] == "suicide"


def test_the_intent_check_in_can_be_turned_off():
    override = CrisisOverride({"model_threshold": None})
    message = override.process([parsed("har så mange arr", "crisis", 0.99)])[0]
    assert message.get("intent")["name"] == "ask_question"


def test_a_crisis_clears_what_the_small_talk_gate_saw():
    message = parsed("vil ikke leve mer", "goodbye", 0.0)
    message.set("gated_intent", "goodbye", add_to_output=True)
    assert run(message).get("gated_intent") is None


def test_the_classifiers_subject_decides_who_it_is_about():
    """The detector's rule reads "jeg vil ikke leve lenger" as the writer; the classifier's subject,
    when the model has one, decides (it was right more often in cross-validation)."""
    text = "jeg vil ikke leve lenger"
    own = run(with_probability(parsed(text, "ask_question", 0.0), 0.99))
    assert entity_values(own)["crisis_subject"] == "self"
    message = with_probability(parsed(text, "ask_question", 0.0), 0.99)
    message.set("crisis_classifier_third_person", True)
    assert entity_values(run(message))["crisis_subject"] == "other"


def test_a_lexicon_match_the_classifier_finds_very_unlikely_is_a_check_in():
    text = "tør ikke dra hjem med karakterkortet, pappa blir sikkert skuffa"
    sure = run(with_probability(parsed(text, "ask_question", 0.0), 0.5))
    doubted = run(with_probability(parsed(text, "ask_question", 0.0), 0.05))
    assert sure.get("intent")["name"] == "crisis"
    assert doubted.get("intent")["name"] == "check_in"


def test_a_first_person_statement_of_intent_is_never_doubted():
    message = run(with_probability(parsed("jeg vil ta livet mitt i kveld", "ask_question", 0.0), 0.01))
    assert message.get("intent")["name"] == "crisis"


@pytest.mark.parametrize("text", [
    "vesla drakk lampeolje, kva gjer eg", "my little brother swallowed a button battery",
    "kompisen puster ikke og vi får ikke kontakt",
])
def test_a_medical_emergency_is_never_doubted(text):
    message = run(with_probability(parsed(text, "ask_question", 0.0), 0.01))
    assert message.get("intent")["name"] == "crisis"


def test_a_sure_classifier_in_a_harmless_frame_gives_a_check_in():
    message = run(with_probability(parsed("klipte meg en buzz cut i går, mamma hater den", "ask_question", 0.0), 0.95))
    assert message.get("intent")["name"] == "check_in"


@pytest.mark.parametrize("text", [
    "my sister is going to kill me for borrowing her jacket", "i cut my hair myself and it looks terrible help",
])
def test_a_sure_classifier_on_an_idiom_or_a_haircut_done_oneself_gives_a_check_in(text):
    message = run(with_probability(parsed(text, "ask_question", 0.0), 0.9))
    assert message.get("intent")["name"] == "check_in"


def test_a_sure_classifier_on_a_threat_outside_an_idiom_stays_a_crisis():
    message = run(with_probability(parsed("pappa sa han skal drepe meg i kveld, jeg er redd", "ask_question", 0.0), 0.9))
    assert message.get("intent")["name"] == "crisis"


@pytest.mark.parametrize("text", [
    "æ ska drepe bror min, han har ete opp heile pizzaen min igjen 😤",
    "stefaren min vekker meg med høy musikk hver morgen 🙄",
    "she took my charger again lol i'm going to end her",
])
def test_a_laughing_or_huffing_message_needs_a_sure_classifier_for_the_crisis_answer(text):
    unsure = run(with_probability(parsed(text, "ask_question", 0.0), 0.8))
    assert unsure.get("intent")["name"] == "check_in"
    sure = run(with_probability(parsed(text, "ask_question", 0.0), 0.95))
    assert sure.get("intent")["name"] == "crisis"


def test_laughing_does_not_soften_a_disclosure():
    message = run(with_probability(parsed("jeg skader meg selv igjen lol", "ask_question", 0.0), 0.8))
    assert message.get("intent")["name"] == "crisis"


def test_a_joke_about_a_game_is_doubted_even_when_the_lexicon_matches():
    text = "vart skoten i hovudet av ein tolvåring i cod, eg er ferdig med livet 😂"
    message = run(with_probability(parsed(text, "ask_question", 0.0), 0.8))
    assert message.get("intent")["name"] == "check_in"
    plain = run(with_probability(parsed("eg er ferdig med livet", "ask_question", 0.0), 0.8))
    assert plain.get("intent")["name"] == "crisis"


def test_a_small_injury_flagged_by_the_classifier_alone_gets_a_check_in():
    message = run(with_probability(parsed("got a deep paper cut and it wont stop stinging, plaster?", "ask_question", 0.0), 0.8))
    assert message.get("intent")["name"] == "check_in"


@pytest.mark.parametrize("text", [
    "vil snakke med en voksen her",
    "kan eg få prate med ein vaksen",
    "can i talk to a real person",
])
def test_a_request_for_a_person_with_no_word_of_danger_is_left_to_the_request(text):
    message = run(with_probability(parsed(text, "request_human", 0.0), 0.97))
    assert message.get("intent")["name"] == "request_human"


def test_a_request_for_a_person_with_a_word_of_danger_stays_a_crisis():
    message = run(with_probability(parsed("vil snakke med en voksen, orker ikke leve mer", "request_human", 0.0), 0.97))
    assert message.get("intent")["name"] == "crisis"
