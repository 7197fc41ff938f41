"""A Rasa NLU component that sends "who can I reach now?" to the knowledge-base action.

DIET reads "hvilke chatter er åpne nå?" as a request for a person or small talk; this component
decides by a rule (`common.open_now`) and makes it a question (`ask_question`), which
`action_answer_from_kb` answers with the chat network. It runs after the classifiers and the
small-talk gate and before `CrisisOverride`, which still has the last word.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from common.open_now import asks_who_is_open

from .nlu_common import RuleComponent, decide_intent

QUESTION_INTENT = "ask_question"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class WhoIsOpenIntent(RuleComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text and not text.startswith("/") and asks_who_is_open(text):
                decide_intent(message, QUESTION_INTENT)
        return messages
