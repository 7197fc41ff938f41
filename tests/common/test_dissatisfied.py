"""Saying the last reply did not help."""

import pytest

from common.dissatisfied import dissatisfied


@pytest.mark.parametrize("text", [
    "det hjalp ikke", "hjalp ikkje det der", "skjønte ingenting", "skjønne itj nå av det",
    "forstår ikke hva du mener", "dette var ikke til noe hjelp", "didnt help at all", "that wasn't helpful",
    "way too complicated", "i don't get it", "not what i asked", "ubrukelig svar", "du svarte ikke på det jeg spurte om",
    "alt for mye tekst", "that didnt really help", "hjalp egentlig ikke", "it doesn't actually answer my question",
])
def test_saying_the_last_reply_did_not_help(text):
    assert dissatisfied(text)


@pytest.mark.parametrize("text", [
    "jeg trenger hjelp", "hjelp", "kan du hjelpe meg", "det hjelper å snakke med noen", "i need help, not advice",
    "takk, det hjalp", "that helped a lot", "hvordan søker jeg lånekassen", "is it free?", "ikke hjelp meg",
    "that really helped", "hjelper egentlig mye",
])
def test_an_ordinary_message_is_not_a_complaint(text):
    assert not dissatisfied(text)
