"""A Rasa NLU component that sends short questions misread as small talk to the knowledge base.

DIET is over-sure on short messages: "hasj farlig?" came out as `goodbye`, "ambulance number??"
as a typed choice, "lanekassen frist haust" as `thanks`, "lanekasen borteboer hvor mange km" as
out of scope. What gives them away is a word that the small-talk intent has never seen in its
training examples.

At training time the component keeps, per intent, the bokmål lemmas of its examples (from
`SpellingTokenizer`). At run time, when the predicted intent is one of `GATED` and the message
has words (three letters or more, or numbers of two digits or more) outside that intent's words
(one for small talk; more for a yes, a no or a request for a person, which often say a little
more), or two or more such words and none the intent knows ("mopedlappen alder" read as `deny`:
nothing in it says no), or a request for a person that names no one and no talking, or a no that
says the last reply did not help ("det hjalp egentlig ikke"), or one word
alone that the intent has never seen and that is no yes or no word ("rus" read as `affirm`), the
intent becomes `ask_question` and the original one goes out as `gated_intent`.
`action_answer_from_kb` then answers only when the knowledge base is confident, and otherwise
gives the small-talk reply after all, so a real "tusen takk for hjelpa!" still gets "bare hyggelig".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from common.dissatisfied import dissatisfied
from common.wish_to_talk import (
    asks_where_to_talk_about, names_a_professional, names_someone, needs_someone_to_talk_to,
)
from common.yes_no import leading_yes_no

from .nlu_common import StoredComponent, set_intent

# The intents gated, and how many unseen words it takes. A yes or no, or a request for a person,
# may carry a few words of its own ("ja, det gjeld meg", "kan jeg snakke med en voksen om mobbing"):
# they need more to count as a question.
GATED = {
    "greet": 1, "goodbye": 1, "thanks": 1, "bot_challenge": 1, "choose_option": 1, "need_help": 1,
    "out_of_scope": 1, "request_human": 3, "affirm": 3, "deny": 3,
}
# A yes or a no ends with no question mark: with one, and only words the intent has never seen,
# it asks ("is it free?" came out as `deny`).
ASKING_GATED = frozenset({"affirm", "deny"})
# A message whose content words are all unseen by the intent is a question from this many words.
ALL_FOREIGN_MIN = 2
QUESTION_INTENT = "ask_question"
VOCABULARY_FILE = "vocabulary.json"
_CONTENT = re.compile(r"^(?:[^\W\d_]{3,}|\d{2,})$")


def content_words(lemmas: List[str]) -> List[str]:
    return [lemma for lemma in (w.lower() for w in lemmas) if _CONTENT.match(lemma)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SmalltalkGate(StoredComponent):
    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, stored: Dict[str, List[str]] | None
    ) -> None:
        super().__init__(config, model_storage, resource, stored)
        self._vocabulary = {intent: frozenset(words) for intent, words in (stored or {}).items()}

    @classmethod
    def read_stored(cls, directory: Path) -> Dict[str, List[str]]:
        return json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary: Dict[str, set] = {intent: set() for intent in GATED}
        for example in training_data.intent_examples:
            intent = example.get(INTENT)
            if intent in vocabulary:
                tokens = example.get(TOKENS_NAMES[TEXT]) or []
                vocabulary[intent].update(content_words([t.lemma for t in tokens]))
        self._vocabulary = {k: frozenset(v) for k, v in vocabulary.items()}
        return self.store(lambda directory: (directory / VOCABULARY_FILE).write_text(
            json.dumps({k: sorted(v) for k, v in vocabulary.items()}, ensure_ascii=False), encoding="utf-8"
        ))

    def foreign_words(self, intent: str, lemmas: List[str]) -> List[str]:
        known = self._vocabulary.get(intent)
        if known is None:
            return []
        return [word for word in content_words(lemmas) if word not in known]

    def is_question(self, intent: str, lemmas: List[str], text: str = "") -> bool:
        """Enough words the intent has never seen; or, for a message of two words or more, not one
        word it has ("mopedlappen alder" read as `deny`): nothing in it says yes, no or hello; or a
        yes or no that asks ("is it free?", "gratis?") in words that are all its own ("ja. kan jeg
        snakke med noen?" stays a yes); or one word alone the intent has never seen that is no yes or
        no word ("rus")."""
        foreign = self.foreign_words(intent, lemmas)
        if len(foreign) >= GATED[intent]:
            return True
        if intent in ASKING_GATED and foreign and len(foreign) == len(content_words(lemmas)) and text.rstrip().endswith("?"):
            return True
        if intent == "request_human" and (
            (foreign and asks_where_to_talk_about(text)) or names_a_professional(text) or not names_someone(text)
            or needs_someone_to_talk_to(text)
        ):
            # "e det nokon eg kan snakke med om å komme ut": where to find someone, on a topic;
            # "how do I get a contact person": someone a service provides; "hvilke jobber kan jeg
            # ha": no person and no talking in it at all; "i just need someone to talk to": a
            # helpline answers it (its answer ends with the button for a person here).
            return True
        if intent == "deny" and dissatisfied(text):
            # "det hjalp egentlig ikke" is no plain no: after the crisis answer's "do you want to
            # talk to an adult?" it is not declining one, and after an answer it asks for better
            # help. The action reads it in the light of its last reply.
            return True
        if len(lemmas) == 1 and foreign and leading_yes_no(text) is None:
            # One word alone that the intent has never seen and that is no yes or no word ("rus",
            # "skatt" read as a yes): a topic. "nope", "yess" stay what the NLU read.
            return True
        return len(foreign) >= ALL_FOREIGN_MIN and len(foreign) == len(content_words(lemmas))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            if not text or text.startswith("/") or intent not in GATED:
                continue
            lemmas = [t.lemma for t in message.get(TOKENS_NAMES[TEXT]) or []]
            if not self.is_question(intent, lemmas, text):
                continue
            set_intent(message, QUESTION_INTENT, (message.get(INTENT) or {}).get("confidence", 0.0))
            message.set("gated_intent", intent, add_to_output=True)
        return messages
