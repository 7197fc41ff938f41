"""The pure readings of a short message: follow-ups, corrections, typed choices."""

import pytest

from actions.context import (
    age, correction, follow_up, last_bot_custom, option_by_words, ordinal, short_question,
    vague, broad_request, topic_words,
)


@pytest.mark.parametrize("text", [
    "og hvis jeg bor hjemme?", "hva med bil da", "kva med moped", "what about a car", "and if I'm 17",
    "er 15 forresten", "I'm 16", "15", "eg er 14 år", "samme for moped?", "men hvis jeg jobber", "gjelder det også lærlinger",
    "enn nynorsk då", "how about mopeds", "og for bil da", "when's the deadline", "hva er nummeret deres",
    "koster det noe?",
])
def test_follow_ups(text):
    assert follow_up(text)


@pytest.mark.parametrize("text", [
    "hvordan får jeg skattekort", "hvor søker jeg borteboerstipend", "I need a tax card", "kan jeg ta p-piller når jeg er 15",
    "jeg har 2 barn og trenger penger", "where is the nearest emergency room open at night",
])
def test_standalone_questions_are_not_follow_ups(text):
    assert not follow_up(text)


@pytest.mark.parametrize("text,age_value", [("er 15 forresten", 15), ("I'm 16", 16), ("16 år", 16), ("hei", None)])
def test_bare_age(text, age_value):
    assert age(text) == age_value


@pytest.mark.parametrize("text,rest", [
    ("nei, jeg mente moped", "moped"), ("no I meant a car", "a car"), ("eg meinte bortebuarstipend", "bortebuarstipend"),
    ("nei jeg tenkte på førerkort for bil", "førerkort for bil"), ("sorry, i meant tax", "tax"),
    ("nei", None), ("jeg mener at skolen er dårlig", None), ("nei, jeg mener moped", "moped"), ("hvordan får jeg skattekort", None),
    # a negated clause names the old topic, wherever it stands
    ("jeg mente lån, ikke stipend. trenger penger til skolebøker", "lån trenger penger til skolebøker"),
    ("no, not the tax thing, i meant my contract", "my contract"),
    ("nei, ikkje bil, eg meinte moped", "moped"),
    ("not at school i mean online, someone made a fake account", "online someone made a fake account"),
    ("ikke på skolen, jeg mener på jobben", "jobben"),
    ("nei ikke for meg, jeg mener for broren min", "broren min"),
    ("nei sorry, jeg mente gjeld, ikke skatt. skylder masse penger", "gjeld skylder masse penger"),
    ("oops sorry i meant moped", "moped"),
    ("nei altså, jeg mente nakenbilder", "nakenbilder"),
    # the subject dropped, as in chat
    ("nei, mente lånet", "lånet"), ("no, meant the loan not the grant", "the loan"), ("nei meinte moped", "moped"),
])
def test_corrections(text, rest):
    assert correction(text) == rest


@pytest.mark.parametrize("text,count,index", [
    ("den første", 3, 0), ("nr 2", 3, 1), ("den andre takk", 3, 1), ("nummer tre", 3, 2), ("den siste", 3, 2),
    ("the last one", 2, 1), ("the first one", 3, 0), ("3", 3, 2), ("den fyrste", 3, 0),
    ("den tredje", 2, None), ("2 barn", 3, None), ("den første eller andre", 3, None), ("hei", 3, None),
])
def test_ordinals(text, count, index):
    assert ordinal(text, count) == index


def test_an_option_named_by_its_words():
    titles = ["Borteboerstipend", "Skattekort til første jobb", "Førerkort for moped"]
    assert option_by_words("moped", titles) == 2
    assert option_by_words("skattekortet", titles) == 1
    assert option_by_words("lånekassen", titles) is None
    assert option_by_words("jeg lurer egentlig på noe helt annet enn dette her", titles) is None


def test_last_bot_custom_is_the_message_before_this_turn():
    events = [
        {"event": "user", "text": "a"},
        {"event": "bot", "data": {"custom": {"kind": "clarify", "options": [1]}}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "b"},
    ]
    assert last_bot_custom(events)["kind"] == "clarify"
    assert last_bot_custom(events[:1]) == {}


def test_a_closing_da_is_only_a_weak_sign():
    from actions.context import refers_back, strong_follow_up

    assert not strong_follow_up("hva gjør jeg da")
    assert refers_back("hva gjør jeg da")
    assert strong_follow_up("og hva med bil da")


@pytest.mark.parametrize("text", ["må eg betale noko?", "kor ringer eg", "hvor søker man", "do i have to pay?"])
def test_a_question_of_a_few_words_is_a_short_question(text):
    assert short_question(text)


@pytest.mark.parametrize("text", ["takk", "moped", "hvordan søker jeg om borteboerstipend når jeg bor på hybel i en annen kommune"])
def test_thanks_a_bare_word_or_a_long_question_is_not(text):
    assert not short_question(text)


@pytest.mark.parametrize(("text", "years"), [("e 15 sjø", 15), ("er 16 selv", 16), ("I'm 17 now", 17)])
def test_a_bare_age_with_a_dialect_filler(text, years):
    assert age(text) == years


@pytest.mark.parametrize("text", ["i need help with something", "eg treng litt hjelp", "har et spørsmål", "Kan du hjelpe meg med noe?"])
def test_a_message_naming_no_topic_is_vague(text):
    assert vague(text)


@pytest.mark.parametrize("text", ["i need help with my tax card", "trenger hjelp med lånekassen", "kan jeg snakke med noen", "", "🙂"])
def test_a_topic_or_a_wish_to_talk_is_not_vague(text):
    assert not vague(text)


@pytest.mark.parametrize("text,rest", [
    ("hi i need help with school stuff", ["school"]), ("trenger hjelp med noe på skolen", ["skolen"]),
    ("i need help with something", []), ("hjelp med skattekort", ["skattekort"]), ("jeg trenger penger", []),
    ("har et spørsmål om jobb", ["jobb"]),
])
def test_what_a_general_request_for_help_is_about(text, rest):
    assert broad_request(text) == rest


@pytest.mark.parametrize(("text", "words"), [
    ("jobb og penger", ["jobb", "penger"]), ("sex pls", ["sex"]), ("noen å snakke med", ["noen", "snakke"]), ("hjelp", []),
])
def test_topic_words_drop_vague_words_and_fillers(text, words):
    assert topic_words(text) == words
