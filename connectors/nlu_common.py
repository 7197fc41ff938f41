"""What our Rasa NLU components share: construction, storing what they learn, setting an intent.

- `RuleComponent`: a non-trainable `GraphComponent` built from its config alone, which passes the
  training data through untouched.
- `StoredComponent`: a trainable one that keeps what it learned in the model archive: subclasses
  write it with `store(write)` and read it in `read_stored(directory)`; a model without it (or
  one that fails with `LOAD_ERRORS`) loads with `stored=None`.
- `set_intent(message, name, confidence)`: the message's intent, first in its ranking too.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Text

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


class StoredComponent(GraphComponent):
    # What reading a stored artifact may raise and still load the component (without it).
    LOAD_ERRORS: tuple[type[BaseException], ...] = (ValueError, OSError)

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "StoredComponent":
        return cls(config, model_storage, resource, None)

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, stored: Any) -> None:
        self.config = dict(config or {})
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def read_stored(cls, directory: Path) -> Any:
        """What `store` wrote, from the model archive's `directory`."""
        raise NotImplementedError

    def store(self, write: Callable[[Path], None]) -> Resource:
        """Write what was learned into the model archive (`write(directory)`)."""
        with self._model_storage.write_to(self._resource) as directory:
            write(directory)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "StoredComponent":
        stored = None
        try:
            with model_storage.read_from(resource) as directory:
                stored = cls.read_stored(directory)
        except cls.LOAD_ERRORS:
            logging.getLogger(cls.__module__).warning("%s loaded without its stored data", cls.__name__)
        return cls(config, model_storage, resource, stored)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def set_intent(message: Message, name: str, confidence: float = 1.0) -> None:
    """Make `name` the message's intent and the head of its ranking (the rest keep their order)."""
    message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence}, *ranking], add_to_output=True)


def decide_intent(message: Message, name: str) -> None:
    """`set_intent` by a rule that knows better than the small-talk gate: whatever small talk the
    gate saw (`gated_intent`, connectors.nlu_gate) no longer counts."""
    set_intent(message, name)
    if message.get("gated_intent") is not None:
        message.set("gated_intent", None, add_to_output=True)
