"""action_answer_after_crisis: after the crisis answer, answer the concrete question the message
also asked ("eksen min deler nakenbilder av meg, kan jeg anmelde det?"); before the gentle
check-in for sadness, the question a sad message also asks ("hater kroppen min, hvem kan jeg
snakke med om det?"), answered as any question would be (an answer, or options).

The crisis answer comes first and never waits for this action (rules: `utter_crisis`, then this).
It answers only when the message asks something (or, before the check-in, says how the young
person feels), the knowledge base is confident, and the answer is from a service the crisis answer
or check-in does not already name; otherwise it sends nothing, so the crisis answer stays short.
One statement is the exception: violence or abuse that a specialist service of the topic "vold og
overgrep" is for ("they are taking me abroad to marry me this summer": the forced-marriage team;
"he shares nudes of me": the police) gets that service's answer when the knowledge base is sure of
it, since the crisis answer names only the general helplines.
If the knowledge base is down, it stays silent: the crisis answer has already been given.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from .answer_from_kb import ActionAnswerFromKB, send
from .context import asks_question
from .kb_client import KBEntryNotFound, KBUnavailable
from .replies import conversation_language

logger = logging.getLogger(__name__)

# The services every crisis answer names (connectors/crisis/messages.yml: 113, Mental Helse,
# Alarmtelefonen and Kors på halsen); an answer from one of them would only repeat it.
NAMED_IN_CRISIS_ANSWER = frozenset({"nodnummer", "mental-helse", "alarmtelefonen", "kors-pa-halsen"})
FEELING_DOWN_INTENT = "feeling_down"
# Crisis categories whose situations have specialist services (topics.yml's `vold_overgrep`) that
# the crisis answer does not name: a statement of one is followed by that service's answer.
SPECIALIST_CATEGORIES = frozenset({"violence_home", "sexual_abuse"})
SPECIALIST_TOPIC = "vold_overgrep"


class ActionAnswerAfterCrisis(ActionAnswerFromKB):
    def __init__(self, *args: Any, named: frozenset[str] = NAMED_IN_CRISIS_ANSWER, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._named = named

    def name(self) -> str:
        return "action_answer_after_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        text = (message.get("text") or "").strip()
        if not text or text.startswith("/"):
            return []
        sad = (message.get("intent") or {}).get("name") == FEELING_DOWN_INTENT
        if sad and asks_question(text):
            return await self._answer_sad_question(dispatcher, tracker)
        # After a crisis answer, a statement adds nothing unless a specialist service is for it;
        # sadness ("kjæresten slo opp og jeg gråter hele tiden") gets the answer the knowledge base
        # is sure of before the check-in.
        statement = not sad and not asks_question(text)
        specialists = self._specialists(tracker) if statement else frozenset()
        if statement and not specialists:
            return []
        try:
            search = await self._kb.search(text, self._config.search_k)
        except KBUnavailable as exc:
            logger.warning("knowledge base unavailable after a crisis answer: %s", exc)
            return []
        if not self._decide.confident(search) or search.results[0].service in self._named:
            return []
        if statement and not (search.confident and search.results[0].service in specialists):
            return []
        reply, context = self._decide.answer(search.results, conversation_language(tracker.get_slot("lang")), text)
        send(dispatcher, reply)
        return context.events()

    def _specialists(self, tracker: Tracker) -> frozenset[str]:
        """The specialist services for the crisis answer's category; empty for other categories."""
        if tracker.get_slot("crisis_category") not in SPECIALIST_CATEGORIES:
            return frozenset()
        topic = self._topics.topic(SPECIALIST_TOPIC)
        return frozenset(topic.services) - self._named if topic is not None else frozenset()

    async def _answer_sad_question(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        """Sadness with a question ("føler meg så alene, finnes det noen å snakke med?"): nothing
        was in danger, so the question gets the answer or the options any question gets; the
        check-in follows (rule). "No answer" or an error says nothing: the check-in is the reply."""
        try:
            reply, context = await self._reply_for(tracker)
        except (KBUnavailable, KBEntryNotFound) as exc:
            logger.warning("knowledge base unavailable before a check-in: %s", exc)
            return []
        except Exception:  # the check-in still follows; never an error instead
            logger.exception("answering a sad message's question failed")
            return []
        if reply is None or reply.custom.get("kind") not in ("answer", "clarify"):
            return []
        send(dispatcher, reply)
        return context.events() if context is not None else []
