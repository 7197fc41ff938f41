"""A Rasa NLU component that forces the `crisis` intent when the lexicon fires, so nothing later in
the pipeline or the dialogue can route a young person in danger to a FAQ answer.

It runs after the intent classifiers (and the FallbackClassifier). It combines three signals: the
lexicon first (a match the classifier scores below `classifier_doubt_below`, with no first-person
disclosure, is a check-in: "knife slipped while carving a pumpkin"); then the crisis classifier's
probability (`nlu_classifier`, set earlier in the pipeline): at least `classifier_crisis_at` is the
crisis answer, at least `classifier_check_in_at` a check-in; and, unless `model_threshold` is None,
the trained `crisis` intent when the model is that confident and the message holds a risk word
outside idioms and school topics (a check-in: alone, the intent is too eager, see `make eval`).
The category and whether the writer speaks of someone else go out as entities, which fill the
`crisis_category` and `crisis_subject` slots: the conversation stays marked for an urgent handoff.
A check-in (a help question on a crisis topic, or the model alone) is the `check_in` intent with a
`check_in_category` entity instead: the bot answers, then asks gently whether it is about them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from common.wish_to_talk import asks_for_a_person_here

from ..nlu_common import RuleComponent

from .answers import subject
from .classifier import ClassifierSettings
from . import framing
from .detector import (
    CrisisSignal, detect, guess_category, has_risk_words, is_third_person, normalise, risk_only_in_idioms,
)
from .lexicon import MEDICAL_EMERGENCY
from .nlu_classifier import CATEGORY, PROBABILITY, THIRD_PERSON

# A medical emergency in the lexicon's words is never softened by the classifier's doubt.
_MEDICAL_EMERGENCY = frozenset(MEDICAL_EMERGENCY)

CRISIS_INTENT = "crisis"
CHECK_IN_INTENT = "check_in"
FALLBACK_INTENT = "ask_question"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisOverride(RuleComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The trained intent counts only this sure, and only with a risk word in the message.
        defaults = ClassifierSettings()
        return {
            "model_threshold": 0.9,
            "classifier_crisis_at": defaults.crisis_at,
            "classifier_check_in_at": defaults.check_in_at,
            "classifier_doubt_below": defaults.doubt_below,
            "joking_crisis_at": defaults.joking_crisis_at,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        defaults = ClassifierSettings()
        # None turns the intent's check-in off (the deployed config does: the classifier is sharper).
        threshold = config.get("model_threshold", 0.9)
        self.model_threshold = None if threshold is None else float(threshold)
        self.classifier_crisis_at = float(config.get("classifier_crisis_at", defaults.crisis_at))
        self.classifier_check_in_at = float(config.get("classifier_check_in_at", defaults.check_in_at))
        self.classifier_doubt_below = float(config.get("classifier_doubt_below", defaults.doubt_below))
        self.joking_crisis_at = float(config.get("joking_crisis_at", defaults.joking_crisis_at))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def _model_confidence(self, message: Message) -> float:
        for ranked in message.get(INTENT_RANKING_KEY) or []:
            if ranked.get("name") == CRISIS_INTENT:
                return float(ranked.get("confidence") or 0.0)
        return 0.0

    def assess(
        self,
        text: str,
        model_confidence: float,
        probability: Optional[float] = None,
        category: Optional[str] = None,
        third_person: Optional[bool] = None,
    ) -> Optional[CrisisSignal]:
        """The signal for `text`; `third_person`, the classifier's subject when it has one, decides
        whether it is about someone else (it is right more often than the detector's rule)."""
        signal = self._signal(text, model_confidence, probability, category)
        if signal is not None and third_person is not None and signal.third_person != third_person:
            signal = replace(signal, third_person=third_person)
        return signal

    def _signal(
        self, text: str, model_confidence: float, probability: Optional[float], category: Optional[str]
    ) -> Optional[CrisisSignal]:
        signal = detect(text)
        cleaned = f" {normalise(text)} "
        if signal is not None:
            doubted = (
                probability is not None and probability < self.classifier_doubt_below
                and signal.pattern not in _MEDICAL_EMERGENCY
            )
            # a joke told about a game, a film or school work ("skoten i hovudet i cod, eg er ferdig
            # med livet 😂") is doubted whatever the classifier says
            doubted = doubted or (
                framing.joking(text) and framing.frame(cleaned) is not None and signal.pattern not in _MEDICAL_EMERGENCY
            )
            if signal.level == "crisis" and doubted and not framing.discloses(cleaned):
                # The lexicon matched, but the classifier finds a crisis very unlikely: answer, then
                # ask gently (the helplines one tap away) rather than give the crisis answer.
                return replace(signal, level="check_in")
            return signal
        if probability is not None and probability >= self.classifier_check_in_at:
            if asks_for_a_person_here(text) and not has_risk_words(text):
                # A request for a person here with no word of danger ("ønsker å prate med en
                # voksen"): the classifier leans on "voksen" and "snakke", words of disclosures too.
                # The request itself is the answer: the bot offers a person, one tap away.
                return None
            level = "crisis" if probability >= self.classifier_crisis_at else "check_in"
            if level == "crisis" and (
                framing.asks_for_help(cleaned) or (framing.frame(cleaned) and not framing.discloses(cleaned))
                or framing.small_injury(cleaned)
                or risk_only_in_idioms(text)
                or (framing.joking(text) and probability < self.joking_crisis_at and not framing.discloses(cleaned))
            ):
                # The classifier alone, on a question about where to get help ("who do I tell?"), in
                # a harmless frame (a haircut, a game, school work), on a small injury (a paper cut,
                # a kitchen cut "not bleeding much"), or on risk words that stand only
                # in an idiom ("she's going to kill me for borrowing her jacket"), or laughing or huffing
                # with no disclosure and the classifier not sure ("æ ska drepe bror min, han åt pizzaen
                # min 😤"): answer it, then ask gently whether it is about them.
                level = "check_in"
            return CrisisSignal(category or guess_category(text), is_third_person(text), "classifier", level=level)
        if self.model_threshold is not None and model_confidence >= self.model_threshold and has_risk_words(text):
            # The model alone is not sure enough for the crisis answer: a gentle check-in.
            return CrisisSignal(guess_category(text), is_third_person(text), "model", level="check_in")
        return None

    def _process(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if not text or text.startswith("/"):
            return  # button payloads carry their own intent
        signal = self.assess(
            text, self._model_confidence(message), message.get(PROBABILITY), message.get(CATEGORY), message.get(THIRD_PERSON)
        )
        intent = message.get(INTENT) or {}
        if signal is None:
            if intent.get("name") == CRISIS_INTENT:
                # The model leaned to crisis but neither signal holds: treat it as a question.
                message.set(INTENT, {"name": FALLBACK_INTENT, "confidence": intent.get("confidence", 0.0)}, add_to_output=True)
            return
        if signal.level == "check_in":
            intent_name, values = CHECK_IN_INTENT, (("check_in_category", signal.category),)
        else:
            intent_name = CRISIS_INTENT
            values = (("crisis_category", signal.category), ("crisis_subject", subject(signal.third_person)))
        message.set(INTENT, {"name": intent_name, "confidence": 1.0}, add_to_output=True)
        # Whatever small talk the gate saw (connectors.nlu_gate), this is a crisis or a check-in now.
        if message.get("gated_intent") is not None:
            message.set("gated_intent", None, add_to_output=True)
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in (CRISIS_INTENT, intent_name)]
        message.set(INTENT_RANKING_KEY, [{"name": intent_name, "confidence": 1.0}, *ranking], add_to_output=True)
        entities = [
            e for e in message.get(ENTITIES) or []
            if e.get("entity") not in ("crisis_category", "crisis_subject", "check_in_category")
        ]
        for name, value in values:
            entities.append(
                {"entity": name, "value": value, "start": 0, "end": len(text),
                 "confidence_entity": 1.0, "extractor": type(self).__name__}
            )
        message.set(ENTITIES, entities, add_to_output=True)

