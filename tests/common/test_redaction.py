"""Personal data never reaches the bot or a store: checked against tests/data/pii.yml, in both
environments (`make test-kb` and `make test-actions` both run tests/common)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from common.redaction import is_national_id, redact

VECTORS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "pii.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["positives"], ids=lambda c: c["text"])
def test_personal_data_is_replaced(case):
    assert redact(case["text"]) == case["redacted"]


@pytest.mark.parametrize("text", VECTORS["negatives"])
def test_other_numbers_and_words_stay(text):
    assert redact(text) == text


def test_the_mod_11_check():
    assert is_national_id("01020300082") and is_national_id("41020300076")
    assert not is_national_id("01020300083") and not is_national_id("0102030008")
