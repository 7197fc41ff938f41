"""A wish to talk: where to find someone, or a person in this chat."""

import pytest

from common.wish_to_talk import (
    asks_for_a_person_here, asks_where_to_talk_about, in_this_chat, names_a_professional, names_someone,
    needs_someone_to_talk_to, seeks_a_service,
)


@pytest.mark.parametrize("text", ["anyone i can talk 2 about being gay", "is there a helpline i can call at 3am", "finnes det noen jeg kan prate med om angst"])
def test_asking_where_to_find_someone_seeks_a_service(text):
    assert seeks_a_service(text)


@pytest.mark.parametrize("text", ["can i talk to a real person here", "kan jeg snakke med et menneske", "i want to talk to someone, can you get a human"])
def test_asking_for_a_person_in_this_chat_does_not(text):
    assert not seeks_a_service(text)


@pytest.mark.parametrize("text", ["can i talk to a real person here", "kan du sette meg i kontakt med en voksen", "e det nån her"])
def test_a_person_here(text):
    assert in_this_chat(text)


@pytest.mark.parametrize("text", ["e det nokon eg kan snakke med om å komme ut som homo", "i need a free lawyer for my appeal"])
def test_no_sign_of_a_person_here(text):
    assert not in_this_chat(text)


@pytest.mark.parametrize("text", ["finnes det noen jeg kan snakke med om mobbing", "e det nokon eg kan snakke med om å komme ut", "where can i talk to someone"])
def test_where_or_about_what(text):
    assert asks_where_to_talk_about(text)


@pytest.mark.parametrize("text", ["forresten, kan jeg få snakke med noen allikevel?", "yeah it's me, can I talk to someone", "kan jeg snakke med noen om det"])
def test_a_plain_wish_for_someone(text):
    assert not asks_where_to_talk_about(text)


@pytest.mark.parametrize("text,named", [
    ("how do I get a contact person", True), ("kan jeg få en støttekontakt", True), ("trenger en advokat", True),
    ("kan jeg snakke med et menneske", False), ("can i talk to a real person", False), ("vil snakke med en voksen", False),
    ("får jeg snakke med en saksbehandler her?", False), ("can i talk to a psychologist here", False),
])
def test_someone_a_service_provides(text, named):
    assert names_a_professional(text) is named


@pytest.mark.parametrize("text", ["agent", "ekte person takk", "kan noen ringe meg", "vil ikke snakke med bot", "talk to a grown up"])
def test_a_request_for_a_person_names_someone_or_talking(text):
    assert names_someone(text)


@pytest.mark.parametrize("text", ["hvilke jobber kan jeg ha", "kor mykje kan eg tene", "what jobs can i get"])
def test_a_question_about_work_names_no_one(text):
    assert not names_someone(text)


@pytest.mark.parametrize("text", [
    "i just need someone to talk to rn", "trenger noen å prate med i kveld", "treng nokon å snakke med",
    "nokon å snakke med", "someone to talk to", "bare noen å prate med",
])
def test_needing_anyone_to_talk_to_is_a_need_a_helpline_answers(text):
    assert needs_someone_to_talk_to(text)


@pytest.mark.parametrize("text", ["jeg trenger å snakke med en voksen nå", "actually I do want to talk to someone", "i need to talk to a real person", "jeg trenger noen her å snakke med",
    "noen å snakke med her i chatten", "kan jeg snakke med noen"])
def test_asking_for_a_person_or_someone_here_is_not(text):
    assert not needs_someone_to_talk_to(text)


@pytest.mark.parametrize("text", [
    "connect me to an adult pls", "connect me to someone real", "eg vil heller prate med ein vaksen her no",
    "can i speak to someone real pls", "kan jeg få en voksen", "i dont want to talk to a bot, get me a human",
])
def test_asking_to_talk_to_an_adult_a_human_or_someone_real_is_a_request_for_a_person_here(text):
    assert asks_for_a_person_here(text)


@pytest.mark.parametrize("text", [
    "kan jeg snakke med en voksen om mobbing", "hvor kan jeg snakke med en voksen", "kan jeg få en psykolog",
    "jeg er voksen og trenger jobb", "få hjelp som voksen", "hvordan få snakke med en voksen på skolen",
    "my mom is an adult and talks a lot",
])
def test_a_topic_a_place_a_professional_or_no_talking_is_not(text):
    assert not asks_for_a_person_here(text)
