"""Per-message language detection on the dev set and on the short hard cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from connectors.language import detect_language
from connectors.language.detector import guess_language

DEV_SET = Path(__file__).resolve().parents[2] / "data" / "eval_language.yml"


@pytest.fixture(scope="module")
def judged():
    messages = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["messages"]
    return [(m["lang"], detect_language(m["text"])) for m in messages]


def test_dev_set_is_big_enough(judged):
    counts = Counter(expected for expected, _ in judged)
    assert len(judged) >= 150
    assert set(counts) == {"nb", "nn", "en", "other"}


def test_overall_accuracy_and_nynorsk_recall(judged):
    accuracy = sum(expected == got for expected, got in judged) / len(judged)
    nynorsk = [got for expected, got in judged if expected == "nn"]
    assert accuracy >= 0.95
    assert nynorsk.count("nn") / len(nynorsk) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("eg er 16", "nn"),
        ("jeg er 16", "nb"),
        ("kva no", "nn"),
        ("hva nå", "nb"),
        ("ikkje bra", "nn"),
        ("ikke bra", "nb"),
        ("how do I get a tax card", "en"),
        ("як отримати податкову картку", "other"),
        ("jag behöver hjälp", "other"),
        ("potrzebuję pomocy", "other"),
    ],
)
def test_short_messages(text, lang):
    assert detect_language(text) == lang


def test_empty_text_defaults_to_bokmal():
    assert detect_language("") == "nb"
    assert detect_language("123 !!!") == "nb"


@pytest.mark.parametrize(
    "text",
    [
        "nah im good",  # English slang around one marker word
        "folk på discord er så toxic",  # bokmål that lingua calls Swedish
        "nei tack",  # a typo, not Swedish
    ],
)
def test_slang_with_words_we_answer_in_is_never_a_decisive_foreign_language(text):
    guess = guess_language(text)
    assert not (guess.lang == "other" and guess.decisive)


@pytest.mark.parametrize(
    "text", ["ich brauche hilfe", "nie wiem co robić", "vet inte vad jag ska göra", "no sé qué hacer"]
)
def test_foreign_messages_without_our_words_stay_decisive(text):
    guess = guess_language(text)
    assert guess.lang == "other" and guess.decisive


@pytest.mark.parametrize("text", ["når er søknadsfristen til vgs", "hvor er legevakt i bergen", "er det gratis for 16 år"])
def test_no_nynorsk_word_never_switches_to_nynorsk(text):
    # Words both written forms share: whatever lingua leans to, nynorsk is no decisive guess.
    guess = guess_language(text)
    assert not (guess.lang == "nn" and guess.decisive)


def test_a_nynorsk_word_still_switches():
    guess = guess_language("kva er søknadsfristen til vidaregåande")
    assert guess.lang == "nn" and guess.decisive


@pytest.mark.parametrize("text", ["æ treng hjælp", "kan nån hjælp mæ", "e det nån som kan hjælpe mæ med skattekort"])
def test_a_dialects_hjælp_beside_a_dialect_form_is_norwegian(text):
    # "hjælp" is Danish, and Trøndersk or northern Norwegian too; "æ" or "mæ" beside it says which.
    assert guess_language(text).lang in ("nb", "nn")


@pytest.mark.parametrize("text", ["jeg har brug for hjælp", "hvad skal jeg gøre"])
def test_danish_without_a_dialect_form_stays_foreign(text):
    guess = guess_language(text)
    assert guess.lang == "other" and guess.decisive
