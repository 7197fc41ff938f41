"""A Rasa NLU component that tags each message with the language to answer in.

It emits a `lang` entity (which fills the sticky `lang` slot) when the message is clear about its
language, asks for a switch, or carries the widget's language; otherwise the slot keeps its value.
A message only asking to switch gets the `switch_language` intent, a message in another language
the `other_language` intent; a switch with a question ("can you answer in english? where do i test
for chlamydia") goes out with the question alone as `without_language_request`, for the search.
It runs before `CrisisOverride`, so a crisis still wins.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from ..nlu_common import RuleComponent

from .choice import LanguageChoice, choose_language

LANG_ENTITY = "lang"
SWITCH_INTENT = "switch_language"
OTHER_INTENT = "other_language"
FALLBACK_INTENT = "ask_question"
METADATA = "metadata"
# The parse-data key for the message without its request for a language.
WITHOUT_REQUEST = "without_language_request"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class LanguageTagger(RuleComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def _process(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if not text or text.startswith("/"):
            return  # button payloads carry their own intent and entities
        choice = choose_language(text, message.get(METADATA) or {})
        if choice.lang is not None:
            self._add_language_entity(message, choice.lang, len(text))
        if choice.rest and not choice.switch_only:
            # The action searches the question without the request for a language in it.
            message.set(WITHOUT_REQUEST, choice.rest, add_to_output=True)
        self._set_intent(message, self._intent_for(choice, message))

    @staticmethod
    def _intent_for(choice: LanguageChoice, message: Message) -> str | None:
        if choice.other:
            return OTHER_INTENT
        if choice.switch_only:
            return SWITCH_INTENT
        predicted = (message.get(INTENT) or {}).get("name")
        if predicted in (OTHER_INTENT, SWITCH_INTENT):
            # The model leaned that way but the message neither is foreign nor asks to switch.
            return FALLBACK_INTENT
        return None

    @staticmethod
    def _set_intent(message: Message, intent: str | None) -> None:
        if intent is None:
            return
        current = message.get(INTENT) or {}
        if current.get("name") == intent:
            return
        confidence = 1.0 if intent != FALLBACK_INTENT else float(current.get("confidence") or 0.0)
        message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
        message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}, *ranking], add_to_output=True)

    def _add_language_entity(self, message: Message, lang: str, length: int) -> None:
        entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != LANG_ENTITY]
        entities.append(
            {"entity": LANG_ENTITY, "value": lang, "start": 0, "end": length,
             "confidence_entity": 1.0, "extractor": type(self).__name__}
        )
        message.set(ENTITIES, entities, add_to_output=True)
