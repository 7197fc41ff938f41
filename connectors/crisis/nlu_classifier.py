"""The crisis classifier as a trainable Rasa NLU component, trained and stored with the model.

At training time it fits `classifier.CrisisClassifier` on the `crisis` intent's examples and the
packaged crisis examples (positives), and every other intent's examples, the packaged harmless
look-alikes and the knowledge base's questions (`harmless_content`, a directory relative to where
`rasa train` runs; skipped when absent) as negatives, and stores it in the model archive. At run time it sets the message's
`crisis_probability` (a float in [0, 1]), `crisis_classifier_category` (one of the lexicon's
categories) and `crisis_classifier_third_person` (about someone else: a bool, when the model has a
subject model); `CrisisOverride`, later in the pipeline, decides.
A model without a stored classifier (or one that fails to load) sets nothing: the lexicon and the
trained intent still decide.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import joblib
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from ..nlu_common import StoredComponent
from .classifier import ClassifierSettings, CrisisClassifier, knowledge_base_questions, packaged_examples, training_sets

PROBABILITY = "crisis_probability"
CATEGORY = "crisis_classifier_category"
THIRD_PERSON = "crisis_classifier_third_person"
MODEL_FILE = "crisis_classifier.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisClassifierComponent(StoredComponent):
    # The lexicon still decides without the classifier, whatever stopped it from loading.
    LOAD_ERRORS = (Exception,)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        defaults = ClassifierSettings()
        return {"regularisation": defaults.regularisation, "harmless_content": "knowledge_base/content"}

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, stored: Optional[CrisisClassifier]
    ) -> None:
        super().__init__(config, model_storage, resource, stored)
        self._settings = ClassifierSettings(regularisation=float(config.get("regularisation", ClassifierSettings.regularisation)))
        self._harmless_content = Path(str(config.get("harmless_content") or "knowledge_base/content"))
        self._classifier = stored

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """What the classifier learns from outside Rasa's training data, for Rasa's training cache:
        the crisis package's code and examples (the lexicon filters the negatives) and the knowledge
        base's questions. Without it, `rasa train` restored the old classifier from its cache after
        an examples file changed."""
        harmless = Path(str(config.get("harmless_content") or "knowledge_base/content"))
        package = Path(__file__).parent
        files = sorted([*package.glob("*.py"), *package.glob("*.yml"), *(package / "examples").glob("*.yml")])
        files += sorted(harmless.glob("*.yml")) if harmless.is_dir() else []
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
        return digest.hexdigest()

    @classmethod
    def read_stored(cls, directory: Path) -> CrisisClassifier:
        return CrisisClassifier(**joblib.load(directory / MODEL_FILE))

    def train(self, training_data: TrainingData) -> Resource:
        intent_examples = [(example.get(TEXT) or "", example.get(INTENT)) for example in training_data.intent_examples]
        sets = training_sets(packaged_examples(), knowledge_base_questions(self._harmless_content), intent_examples)
        classifier = self._classifier = CrisisClassifier.fit(
            sets.crisis, sets.harmless, sets.categories, self._settings, subjects=sets.subjects
        )
        return self.store(lambda directory: joblib.dump(classifier.parts, directory / MODEL_FILE))

    def process(self, messages: List[Message]) -> List[Message]:
        if self._classifier is None:
            return messages
        scored = [m for m in messages if (m.get(TEXT) or "") and not m.get(TEXT).startswith("/")]
        for message, assessment in zip(scored, self._classifier.assess([m.get(TEXT) for m in scored])):
            message.set(PROBABILITY, assessment.probability)
            message.set(CATEGORY, assessment.category)
            if assessment.third_person is not None:
                message.set(THIRD_PERSON, assessment.third_person)
        return messages
