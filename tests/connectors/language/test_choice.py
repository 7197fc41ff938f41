"""The answer language for one message: sticky unless the message is clear or asks to switch."""

from __future__ import annotations

import pytest

from connectors.language.choice import LanguageChoice, choose_language, reply_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("korleis søkjer eg stipend", "nn"),
        ("hvordan søker jeg stipend", "nb"),
        ("how do I get a tax card", "en"),
    ],
)
def test_a_clear_message_sets_the_language(text, lang):
    assert choose_language(text) == LanguageChoice(lang)


@pytest.mark.parametrize("text", ["ok", "takk", "hei", "👍", "?", "nvm"])
def test_a_short_unclear_message_keeps_the_conversation_language(text):
    assert choose_language(text).lang is None
    assert not choose_language(text).other


def test_the_channel_language_fills_in_when_the_message_is_unclear():
    assert choose_language("takk", {"lang": "nn"}).lang == "nn"
    # ...but a clear message wins over it: the young person writes what they write.
    assert choose_language("how do I get a tax card", {"lang": "nb"}).lang == "en"
    assert choose_language("takk", {"lang": "de"}).lang is None


def test_an_explicit_request_wins_over_the_text_language():
    choice = choose_language("kan du svare på engelsk")
    assert choice == LanguageChoice("en", switch_only=True)


@pytest.mark.parametrize("text", ["мені потрібна допомога", "potrzebuję pomocy teraz", "أحتاج مساعدة"])
def test_another_language_is_flagged(text):
    choice = choose_language(text)
    assert choice.other and choice.lang is None


def test_reply_language_without_the_conversation():
    assert reply_language("eg vil ikkje leve meir") == "nn"
    assert reply_language("ok", {"lang": "en"}) == "en"
    assert reply_language("ok") == "nb"
