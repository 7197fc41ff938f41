"""Personal data never reaches the bot or a store: fødselsnummer, phone numbers, e-mail."""

from __future__ import annotations

import pytest

from connectors.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mitt nummer er 912 34 567", "mitt nummer er [telefon]"),
        ("ring meg på +47 91234567", "ring meg på [telefon]"),
        ("41 23 45 67 er mobilen", "[telefon] er mobilen"),
        ("fnr 01020312345", "fnr [fødselsnummer]"),
        ("født 010203 12345", "født [fødselsnummer]"),
        ("skriv til ola.nordmann@gmail.com", "skriv til [e-post]"),
    ],
)
def test_personal_data_is_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["ring 116 123", "jeg ringte 800 33 321", "ring 113", "jeg er 16 år", "i 2024", "fristen er 15. mars"],
)
def test_service_numbers_and_ordinary_numbers_stay(text):
    assert redact(text) == text
