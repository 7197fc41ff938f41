"""Explicit requests for another answer language."""

from __future__ import annotations

import pytest

from connectors.language.switch import find_language_request


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("kan du svare på engelsk?", "en"),
        ("in english please", "en"),
        ("English please", "en"),
        ("do you speak english", "en"),
        ("snakker du engelsk", "en"),
        ("svar på nynorsk takk", "nn"),
        ("kan eg få svar på nynorsk", "nn"),
        ("skriv på bokmål", "nb"),
        ("can you answer in norwegian", "nb"),
        # verb forms beyond "svar"/"skriv", and "it" verbs
        ("bytter du til nynorsk?", "nn"),
        ("kan du bytte over til engelsk", "en"),
        ("kan du si det på engelsk", "en"),
        ("ta resten på nynorsk takk", "nn"),
        ("could you put it in english", "en"),
        ("translate to norwegian pls", "nb"),
        # "we" and "let's", a word of regret or "instead", and what they say of their own skill
        ("actually can we speak english", "en"),
        ("kan vi snakke norsk i stedet", "nb"),
        ("lets write in nynorsk", "nn"),
        ("sorry can you answer in english, my norwegian is not so good", "en"),
        ("kan du skrive på nynorsk, eg skjønar ikkje bokmål så godt", "nn"),
        # asking whether the bot speaks it, then saying why: the question mark ends the request
        ("kan du snakke engelsk? norsken min er ikke så god", "en"),
        ("do you speak english? my norwegian is bad", "en"),
        ("kan du snakke engelsk med meg", "en"),
        # how long it should hold
        ("can u answer in norwegian from now on", "nb"),
        ("skriv på nynorsk fra nå av", "nn"),
        # the chat itself carried on in a language
        ("kan vi fortsette på engelsk", "en"),
        ("can we do it in english", "en"),
        ("kan vi ta dette på nynorsk", "nn"),
    ],
)
def test_a_request_alone_is_only_a_switch(text, lang):
    request = find_language_request(text)
    assert request is not None and request.lang == lang and request.only_request


def test_a_request_with_a_question_is_a_switch_and_a_question():
    request = find_language_request("kan du svare på engelsk, hvordan får jeg skattekort")
    assert request is not None and request.lang == "en" and not request.only_request
    assert request.rest == "hvordan får jeg skattekort"


@pytest.mark.parametrize(("text", "rest"), [
    ("can you answer in english? where do i test for chlamydia", "where do i test for chlamydia"),
    ("my norwegian is bad, can you answer in english. how do i get a tax card", "how do i get a tax card"),
    ("svar på nynorsk: kor søkjer eg bustøtte?", "kor søkjer eg bustøtte"),
    ("english please", ""),
])
def test_the_rest_is_the_message_without_the_request(text, rest):
    assert find_language_request(text).rest == rest


@pytest.mark.parametrize(
    "text",
    [
        "jeg har engelsk prøve i morgen",
        "jeg fikk 2 i engelsk",
        "hvordan lærer jeg norsk",
        "how do I write in norwegian",
        "hva heter det på engelsk",
        "jeg snakker engelsk hjemme",
        "jeg tar eksamen på engelsk",
        "vi har prøve i engelsk og norsk",
        "kan vi ha prøve på engelsk",
        "we speak english at home, can my parents get help",
        # a subject taken, lessons had, homework done in a language
        "kan vi ta engelsk på vgs",
        "can we have english lessons",
        "kan vi gjøre leksene på engelsk",
    ],
)
def test_talking_about_a_language_is_not_a_request(text):
    assert find_language_request(text) is None
