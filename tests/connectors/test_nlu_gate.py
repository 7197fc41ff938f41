"""SmalltalkGate: a small-talk intent with a word its examples never had goes to the knowledge base."""

from __future__ import annotations

from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from connectors.nlu_gate import SmalltalkGate
from connectors.nlu_spelling import SpellingTokenizer

VOCABULARY = {
    "goodbye": ["hade", "det", "bra"], "thanks": ["takk", "tusen", "for", "hjelpa"], "greet": ["hei"],
    "deny": ["nei", "takk", "ikke", "trenger"],
    "request_human": ["kan", "jeg", "snakke", "med", "menneske", "noen", "her", "finnes", "det", "ett", "ekte"],
}


def parsed(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    tokenizer = SpellingTokenizer(SpellingTokenizer.get_default_config())
    message.set(TOKENS_NAMES[TEXT], tokenizer.tokenize(message, TEXT))
    message.set("intent", {"name": intent, "confidence": 0.8})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    return message


def run(text: str, intent: str) -> Message:
    return SmalltalkGate({}, None, None, VOCABULARY).process([parsed(text, intent)])[0]


def test_a_topic_word_sends_small_talk_to_the_knowledge_base():
    message = run("hasj farlig?", "goodbye")
    assert message.get("intent")["name"] == "ask_question"
    assert message.get("gated_intent") == "goodbye"


def test_small_talk_in_its_own_words_stays():
    assert run("tusen takk for hjelpa", "thanks").get("intent")["name"] == "thanks"
    assert run("hei", "greet").get("intent")["name"] == "greet"
    assert run("hade bra", "goodbye").get("gated_intent") is None


def test_numbers_of_two_digits_or_more_are_words_too():
    assert run("113 eller 112?", "goodbye").get("intent")["name"] == "ask_question"


def test_other_intents_and_buttons_are_left_alone():
    assert run("kan jeg snakke med et menneske", "request_human").get("intent")["name"] == "request_human"
    assert run('/choose_entry{"entry_id": "x"}', "goodbye").get("intent")["name"] == "goodbye"


def test_two_words_and_none_the_intent_knows_make_a_question():
    # DIET read "mopedlappen alder" as a no; nothing in it says no.
    message = run("mopedlappen alder", "deny")
    assert message.get("intent")["name"] == "ask_question"
    assert message.get("gated_intent") == "deny"


def test_a_yes_or_no_with_one_word_of_its_own_or_a_single_unknown_word_stays():
    assert run("nei mopedlappen", "deny").get("intent")["name"] == "deny"
    assert run("nei, trenger ikke mopedlappen?", "deny").get("intent")["name"] == "deny"
    assert run("nope", "deny").get("intent")["name"] == "deny"
    assert run("nei takk, trenger ikke", "deny").get("intent")["name"] == "deny"


def test_one_word_alone_that_is_no_yes_or_no_word_is_a_question():
    # "rus" typed after the topic menu came out as a yes.
    message = run("rus", "deny")
    assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "deny"
    assert run("skatt", "request_human").get("intent")["name"] == "ask_question"
    # A yes or no word the intent's examples never had stays what the NLU read.
    assert run("nope", "deny").get("intent")["name"] == "deny"
    assert run("neida", "deny").get("intent")["name"] == "deny"


def test_a_yes_or_no_that_asks_with_a_word_of_its_own_is_a_question():
    # "is it free?" came out as a no: it asks, and "free" says no such thing.
    message = run("gratis?", "deny")
    assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "deny"
    assert run("nei?", "deny").get("intent")["name"] == "deny"
    assert run("nei mopedlappen", "deny").get("intent")["name"] == "deny"
    assert run("nei, trenger ikke mopedlappen?", "deny").get("intent")["name"] == "deny"


def test_asking_where_to_find_someone_on_a_topic_is_a_question():
    message = run("finnes det noen jeg kan snakke med om mobbing", "request_human")
    assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "request_human"
    assert run("kan jeg snakke med et menneske", "request_human").get("intent")["name"] == "request_human"
    assert run("finnes det noen her jeg kan snakke med", "request_human").get("intent")["name"] == "request_human"
    assert run("forresten, kan jeg få snakke med noen allikevel?", "request_human").get("intent")["name"] == "request_human"


def test_asking_for_someone_a_service_provides_is_a_question():
    for text in ("how do I get a contact person", "kan jeg få snakke med en psykolog"):
        message = run(text, "request_human")
        assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "request_human"


def test_a_request_for_a_person_that_names_no_one_is_a_question():
    # DIET read it as a request for a person from "kan jeg chatte med noen som jobber der".
    message = run("hvilke jobber kan jeg ha", "request_human")
    assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "request_human"
    assert run("ekte menneske", "request_human").get("intent")["name"] == "request_human"


def test_needing_anyone_to_talk_to_is_a_question_for_the_helplines():
    message = run("jeg trenger noen å snakke med", "request_human")
    assert message.get("intent")["name"] == "ask_question" and message.get("gated_intent") == "request_human"
    assert run("kan jeg snakke med et menneske", "request_human").get("intent")["name"] == "request_human"


def test_a_no_that_says_the_last_reply_did_not_help_goes_to_the_action():
    # After the crisis answer's "do you want to talk to an adult?", "it didn't really help" is no
    # plain no: the action offers a person.
    message = run("nei det hjalp ikke", "deny")
    assert message.get("intent")["name"] == "ask_question"
    assert message.get("gated_intent") == "deny"
    assert run("nei takk", "deny").get("intent")["name"] == "deny"
