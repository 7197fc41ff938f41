"""A Rasa NLU component that gives messages with no words an intent of their own.

DIET has nothing to go on in "😢" or "👍" and guesses; this component decides instead (see
`connectors.wordless`): a sad or SOS sign is `no_words_sad` (a gentle check-in), a thumbs up is
`affirm`, a thumbs down `deny`, anything else `no_words` (asks for a few words). It runs after the
classifiers and before `CrisisOverride`, which still has the last word.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from .wordless import classify

INTENT_FOR = {"sad": "no_words_sad", "yes": "affirm", "no": "deny", "other": "no_words"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class WordlessIntent(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "WordlessIntent":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            meaning = classify(text) if text and not text.startswith("/") else None
            if meaning is None:
                continue
            intent = INTENT_FOR[meaning]
            message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}, *ranking], add_to_output=True)
        return messages
