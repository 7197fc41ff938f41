"""leading_yes_no: a message that opens with a yes or a no."""

from __future__ import annotations

import pytest

from common.yes_no import leading_yes_no, yes_no_with_thanks


@pytest.mark.parametrize("text,said", [
    ("nei, trengs ikke likevel", "deny"), ("nope not now", "deny"), ("nei takk, det går bra", "deny"), ("glem det", "deny"),
    ("ja det hadde vært fint", "affirm"), ("yeah ok go on", "affirm"), ("jepp, gjerne", "affirm"), ("of course", "affirm"),
    # SMS and dialect forms
    ("jup", "affirm"), ("jupp", "affirm"), ("jau", "affirm"), ("ya sure", "affirm"), ("næ", "deny"), ("næh takk", "deny"),
    # a word said first that changes nothing, and "never mind" as a no
    ("actually no, never mind", "deny"), ("hmm ja ok", "affirm"), ("egentlig nei", "deny"), ("well yes please", "affirm"),
    ("nevermind", "deny"), ("never mind then", "deny"), ("nvm", "deny"), ("gløym det", "deny"),
    ("no one helps me", None), ("actually i need a job", None), ("well nobody told me", None),
    ("hvordan får jeg skattekort", None), ("japan", None), ("jusshjelp", None), ("nær skolen", None), ("noen jeg kan snakke med?", None), ("okonomi", None), ("jobb", None),
])
def test_a_message_that_opens_with_a_yes_or_a_no(text, said):
    assert leading_yes_no(text) == said


@pytest.mark.parametrize("text,closing", [
    ("no thanks ill figure it out", True), ("nei takk, jeg ordner det selv", True), ("ja takk, det hjalp", True),
    ("ellers takk", True), ("takk for hjelpa", True),
    ("nei, moped", False), ("ja, hva med bil?", False), ("takstmann", False), ("nei", False),
])
def test_a_yes_or_no_said_with_thanks(text, closing):
    assert yes_no_with_thanks(text) is closing
