"""What our rule-based Rasa NLU components share: construction from config, and setting an intent.

- `RuleComponent`: a non-trainable `GraphComponent` built from its config alone, which passes the
  training data through untouched.
- `set_intent(message, name, confidence)`: the message's intent, first in its ranking too.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class RuleComponent(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RuleComponent":
        return cls(config)

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        self.config = dict(config or {})

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def set_intent(message: Message, name: str, confidence: float = 1.0) -> None:
    """Make `name` the message's intent and the head of its ranking (the rest keep their order)."""
    message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence}, *ranking], add_to_output=True)
