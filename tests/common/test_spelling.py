from pathlib import Path

import pytest
import yaml

from common.spelling import normalise_words, restore_letters

VECTORS = yaml.safe_load((Path(__file__).parents[1] / "data" / "spelling.yml").read_text(encoding="utf-8"))
KNOWN = frozenset(VECTORS["with_vocabulary"]["known"])


@pytest.mark.parametrize("case", VECTORS["words"], ids=lambda c: c["text"])
def test_dialect_nynorsk_and_sms_forms_become_bokmal(case):
    assert normalise_words(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", VECTORS["with_vocabulary"]["cases"], ids=lambda c: c["text"])
def test_letters_are_restored_against_a_vocabulary(case):
    assert normalise_words(case["text"], KNOWN) == case["expected"]


def test_without_a_vocabulary_only_aa_is_restored():
    assert restore_letters("lanekassen") == "lanekassen"
    assert restore_letters("laanekassen") == "lånekassen"
    assert restore_letters("shoe") == "shoe"
