from knowledge_base.kb_service.normalise import english_share, tokens, words


def test_nynorsk_and_bokmal_forms_meet():
    assert set(tokens("skulen")) & set(tokens("skolen"))
    assert words("korleis søkjer eg") == ["hvordan", "søker", "jeg"]
    assert set(tokens("ikkje heime")) == set(tokens("ikke hjemme"))


def stems(text):
    return [t for t in tokens(text) if not t.startswith("#")]


def test_split_compound_words_meet_the_whole_word():
    assert stems("skattekort")[0] in stems("skatte kort")


def test_typos_share_character_grams():
    assert set(tokens("borteboerstipend")) & set(tokens("borteboer stipen"))


def test_stop_words_are_dropped():
    assert tokens("hva er det") == []


def test_english_question_words_and_chat_fillers_are_stop_words():
    # bm25s's own English list has 33 words; "what", "how", "my" and "can" were evidence.
    assert tokens("what can i do about my") == []
    assert tokens("hvilket lol idk") == []


def test_words_that_carry_meaning_here_are_kept():
    for word in ("fire", "call", "alone", "nobody"):
        assert tokens(word), word


def test_english_share():
    assert english_share("how do I get a tax card") > 0.5
    assert english_share("hvordan får jeg skattekort") < 0.3
    assert english_share("") == 0.0


# The spelling module is shared with the NLU; the knowledge base checks the same vectors.
import yaml  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from knowledge_base.kb_service.normalise import vocabulary  # noqa: E402

SPELLING = yaml.safe_load((Path(__file__).parents[1] / "data" / "spelling.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SPELLING["words"], ids=lambda c: c["text"])
def test_dialect_and_sms_forms_become_bokmal_in_search_too(case):
    assert words(case["text"]) == case["expected"]


def test_ascii_letters_meet_the_indexed_words():
    known = vocabulary(["Søk bortebuarstipend hos Lånekassen", "førerkort for moped"])
    assert "lånekassen" in words("lanekassen", known)
    assert "førerkort" in words("forerkort", known)
    assert set(tokens("laanekassen stipend", known)) & set(tokens("Lånekassen stipend"))
    assert words("lanekassen") == ["lanekassen"]  # without a vocabulary, only "aa" is repaired


def test_a_break_up_is_not_a_blow():
    assert tokens("kjæresten min slo opp") == tokens("kjæresten min gjorde det slutt")
    assert "slo" in " ".join(tokens("kjæresten min slo meg"))
