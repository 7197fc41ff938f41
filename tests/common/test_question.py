"""asks_question (common/question.py): does a message ask something?"""

from __future__ import annotations

import pytest

from common.question import asks_question


@pytest.mark.parametrize("text", [
    "er 15 og føler meg ensom, finnes det noen jeg kan prate med om det", "fins det en app for sånt",
    "finst det nokon å snakke med", "e det nån som veit", "er det lov å jobbe når man er 14", "kan eg søke no",
])
def test_asking_whether_there_is_someone_or_something(text):
    assert asks_question(text)


@pytest.mark.parametrize("text", ["er det ikke rart", "det er noen som plager meg", "det finnes ikke noe håp"])
def test_statements_with_the_same_words(text):
    assert not asks_question(text)


@pytest.mark.parametrize("text", ["føler meg helt tom for tida idk", "har vært trist lenge og vet ikke hvorfor", "so sad and i dont know why"])
def test_a_bare_idk_or_not_knowing_why_asks_nothing(text):
    assert not asks_question(text)


@pytest.mark.parametrize("text", ["idk what to do", "idk if i should tell", "why am i like this", "vet ikke hvorfor, men hvem kan hjelpe?"])
def test_idk_with_a_question_word_and_a_real_why_still_ask(text):
    assert asks_question(text)
