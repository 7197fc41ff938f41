import pytest

from connectors.incoming import is_blank
from connectors.wordless import classify


@pytest.mark.parametrize("text", ["😢", "💔", "🆘", "😭😭😭", "😔 😔", "🥺", "🔪"])
def test_sad_and_sos_signs(text):
    assert classify(text) == "sad"


@pytest.mark.parametrize("text,meaning", [("👍", "yes"), ("👍🏽", "yes"), ("👌", "yes"), ("👎", "no"), ("❌", "no")])
def test_thumbs_answer_a_question(text, meaning):
    assert classify(text) == meaning


@pytest.mark.parametrize("text", ["🙂", "?", "...", "😂😂", "👍👎", "#"])
def test_other_signs_ask_for_words(text):
    assert classify(text) == "other"


@pytest.mark.parametrize("text", ["ja 👍", "😢 jeg er lei meg", "15", "hei", "ок"])
def test_messages_with_words_are_left_to_the_nlu(text):
    assert classify(text) is None


@pytest.mark.parametrize("text", ["\u200b", " \u200b\u200d ", "\ufeff", "\u2800", "\u3164", "\u00ad", "\u2060"])
def test_invisible_only_text_is_blank(text):
    assert is_blank(text)


@pytest.mark.parametrize("text", ["😢", "a", "\u200bhei", "."])
def test_visible_text_is_not_blank(text):
    assert not is_blank(text)
