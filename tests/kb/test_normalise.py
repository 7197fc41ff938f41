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


def test_english_share():
    assert english_share("how do I get a tax card") > 0.5
    assert english_share("hvordan får jeg skattekort") < 0.3
    assert english_share("") == 0.0
