"""leading_yes_no: a message that opens with a yes or a no."""

from __future__ import annotations

import pytest

from common.yes_no import leading_yes_no


@pytest.mark.parametrize("text,said", [
    ("nei, trengs ikke likevel", "deny"), ("nope not now", "deny"), ("nei takk, det går bra", "deny"), ("glem det", "deny"),
    ("ja det hadde vært fint", "affirm"), ("yeah ok go on", "affirm"), ("jepp, gjerne", "affirm"), ("of course", "affirm"),
    ("hvordan får jeg skattekort", None), ("noen jeg kan snakke med?", None), ("okonomi", None), ("jobb", None),
])
def test_a_message_that_opens_with_a_yes_or_a_no(text, said):
    assert leading_yes_no(text) == said
