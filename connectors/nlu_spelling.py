"""A Rasa tokenizer that gives every token its bokmål spelling as the lemma.

Rasa's `WhitespaceTokenizer` splits the message; each token's `lemma` is then the word mapped by
`common.spelling` ("itj" -> "ikke", "mæ" -> "meg", "penga" -> "penger", "laanekassen" ->
"lånekassen"). The featurizers count lemmas (`use_lemma`, on by default), so dialect, nynorsk and
SMS forms share features with bokmål in training and at run time; the token text and offsets
are the message's own, so nothing else (entities, the crisis layer, language detection) changes.
"""

from __future__ import annotations

from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from common.spelling import bokmal_word, restore_letters



@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class SpellingTokenizer(WhitespaceTokenizer):
    """`WhitespaceTokenizer` with lemmas in bokmål spelling (see the module docstring)."""

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            word = token.text.lower()
            token.lemma = bokmal_word(restore_letters(word))
        return tokens
