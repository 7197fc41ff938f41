"""Masked spellings, context and categories, on their own vectors (tests/data/crisis_unmask.yml)."""

from pathlib import Path

import pytest
import yaml

from connectors.crisis import detect, detect_crisis
from connectors.crisis.unmask import unmask

VECTORS = yaml.safe_load((Path(__file__).parents[2] / "data" / "crisis_unmask.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["unmask"], ids=lambda c: c["text"])
def test_masked_spellings_are_undone(case):
    assert unmask(case["text"]) == case["expected"]


@pytest.mark.parametrize("text", VECTORS["unchanged"])
def test_ordinary_text_is_left_as_it_is(text):
    assert unmask(text) == text.lower()


@pytest.mark.parametrize("case", VECTORS["crisis"], ids=lambda c: c["text"])
def test_crisis_with_the_right_category(case):
    signal = detect_crisis(case["text"])
    assert signal is not None
    assert signal.category == case["category"]


@pytest.mark.parametrize("text", VECTORS["not_crisis"])
def test_harmless_context_is_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", VECTORS["check_in"])
def test_a_help_question_on_a_crisis_topic_gets_a_check_in(text):
    signal = detect(text)
    assert signal is not None and signal.level == "check_in"
    assert detect_crisis(text) is None


def test_one_mask_character_stands_for_one_letter_first():
    from connectors.crisis.unmask import unmask

    assert unmask("ble r*pa") == "ble rapa"
    assert unmask("tenker på s*lvmord") == "tenker på selvmord"
