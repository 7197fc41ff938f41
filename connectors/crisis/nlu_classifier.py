"""The crisis classifier as a trainable Rasa NLU component, trained and stored with the model.

At training time it fits `classifier.CrisisClassifier` on the `crisis` intent's examples and the
packaged crisis examples (positives), and every other intent's examples, the packaged harmless
look-alikes and the knowledge base's questions (`harmless_content`, a directory relative to where
`rasa train` runs; skipped when absent) as negatives, and stores it in the model archive. At run time it sets the message's
`crisis_probability` (a float in [0, 1]) and `crisis_classifier_category` (one of the lexicon's
categories); `CrisisOverride`, later in the pipeline, decides.
A model without a stored classifier (or one that fails to load) sets nothing: the lexicon and the
trained intent still decide.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from .classifier import ClassifierSettings, CrisisClassifier, knowledge_base_questions, packaged_examples

LOGGER = logging.getLogger(__name__)
CRISIS_INTENT = "crisis"
PROBABILITY = "crisis_probability"
CATEGORY = "crisis_classifier_category"
MODEL_FILE = "crisis_classifier.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisClassifierComponent(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        defaults = ClassifierSettings()
        return {"regularisation": defaults.regularisation, "harmless_content": "knowledge_base/content"}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisClassifierComponent":
        return cls(config, model_storage, resource, None)

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier: Optional[CrisisClassifier],
    ) -> None:
        self._settings = ClassifierSettings(regularisation=float(config.get("regularisation", ClassifierSettings.regularisation)))
        self._harmless_content = Path(str(config.get("harmless_content") or "knowledge_base/content"))
        self._model_storage = model_storage
        self._resource = resource
        self._classifier = classifier

    def train(self, training_data: TrainingData) -> Resource:
        packaged = packaged_examples()
        crisis, harmless = list(packaged.crisis), list(packaged.harmless)
        harmless.extend(knowledge_base_questions(self._harmless_content))
        for example in training_data.intent_examples:
            text = example.get(TEXT) or ""
            (crisis if example.get(INTENT) == CRISIS_INTENT else harmless).append(text)
        labelled = list(zip(packaged.crisis, packaged.categories))
        self._classifier = CrisisClassifier.fit(crisis, harmless, labelled, self._settings)
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._classifier.parts, directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "CrisisClassifierComponent":
        classifier = None
        try:
            with model_storage.read_from(resource) as directory:
                classifier = CrisisClassifier(**joblib.load(directory / MODEL_FILE))
        except Exception:  # noqa: BLE001 - the lexicon still decides without it
            LOGGER.warning("crisis classifier not loaded; the lexicon and the intent decide alone")
        return cls(config, model_storage, resource, classifier)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if self._classifier is None:
            return messages
        texts = [(message, message.get(TEXT) or "") for message in messages]
        scored = [(m, t) for m, t in texts if t and not t.startswith("/")]
        for (message, text), probability in zip(scored, self._classifier.probabilities([t for _, t in scored])):
            message.set(PROBABILITY, probability)
            message.set(CATEGORY, self._classifier.category(text))
        return messages
