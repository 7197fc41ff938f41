"""A Rasa NLU component that gives messages with no words an intent of their own.

DIET has nothing to go on in "😢" or "👍" and guesses; this component decides instead (see
`connectors.wordless`): a sad or SOS sign is `no_words_sad` (a gentle check-in), a thumbs up is
`affirm`, a thumbs down `deny`, anything else `no_words` (asks for a few words). It runs after the
classifiers and before `CrisisOverride`, which still has the last word.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from .nlu_common import RuleComponent, set_intent
from .wordless import classify

INTENT_FOR = {"sad": "no_words_sad", "yes": "affirm", "no": "deny", "other": "no_words"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class WordlessIntent(RuleComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            meaning = classify(text) if text and not text.startswith("/") else None
            if meaning is not None:
                set_intent(message, INTENT_FOR[meaning])
        return messages
