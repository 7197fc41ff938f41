"""A Rasa NLU component that reads a statement of feeling low as `feeling_down`.

DIET has few examples of sadness without danger and reads most of it as a question ("føle mæ så
tom og åleine for tida"), which the knowledge base cannot answer: the young person got "I have no
answer" or a list of unrelated entries. Training it on more sadness pulled ordinary questions with
a feeling in them to the check-in (end-to-end dev set 3: right answers 0.642 -> 0.542), so a rule
decides instead (`common.mood`): a message that says its writer feels low and asks nothing
becomes `feeling_down` (the knowledge base's answer when it is sure, then the gentle check-in).
It runs before `CrisisOverride`, which still has the last word.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from common.mood import feels_low
from common.question import asks_question

from .nlu_common import RuleComponent, decide_intent

FEELING_DOWN_INTENT = "feeling_down"
# What DIET calls a statement of feeling it has no intent for; small talk, yes, no and requests for
# a person keep theirs (unless the small-talk gate already made them a question). DIET's `crisis`
# is only a lean: `CrisisOverride`, later, gives the crisis answer or a check-in when its signals
# hold and otherwise would have made it a question.
READ_AS_QUESTION = frozenset({"ask_question", "nlu_fallback", "out_of_scope", "crisis"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LowMoodIntent(RuleComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            if (
                text and not text.startswith("/") and intent in READ_AS_QUESTION
                and feels_low(text) and not asks_question(text)
            ):
                decide_intent(message, FEELING_DOWN_INTENT)
        return messages
