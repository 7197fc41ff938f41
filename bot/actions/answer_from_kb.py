"""action_answer_from_kb: answer a question from the knowledge base, clarify, or fall back."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from .config import ActionConfig
from .kb_client import KBClient, KBEntryNotFound, KBUnavailable
from .replies import (
    Reply,
    answer_reply,
    clarify_reply,
    conversation_language,
    kb_unavailable_reply,
    no_match_reply,
    related_results,
)

logger = logging.getLogger(__name__)


def _chosen_entry_id(tracker: Tracker) -> str | None:
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") != "choose_entry":
        return None
    for entity in message.get("entities") or []:
        if entity.get("entity") == "entry_id" and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


def _previous_reply_was_a_fallback(tracker: Tracker) -> bool:
    """Whether the bot's last message before this question was a fallback too."""
    seen_question = False
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            if seen_question:
                return False
            seen_question = True
        elif event.get("event") == "bot" and seen_question:
            custom = (event.get("data") or {}).get("custom") or {}
            return custom.get("kind") == "fallback"
    return False


class ActionAnswerFromKB(Action):
    def __init__(self, config: ActionConfig | None = None) -> None:
        self._config = config or ActionConfig.from_env()
        self._kb = KBClient(self._config.kb_url, self._config.kb_timeout_seconds)

    def name(self) -> str:
        return "action_answer_from_kb"

    async def _reply_for(self, tracker: Tracker) -> Reply:
        lang = conversation_language(tracker.get_slot("lang"))
        chosen = _chosen_entry_id(tracker)
        if chosen is not None:
            return answer_reply(await self._kb.entry(chosen), lang)
        question = ((tracker.latest_message or {}).get("text") or "").strip()
        offer_human = _previous_reply_was_a_fallback(tracker)
        if not question or question.startswith("/"):
            return no_match_reply(offer_human, lang)
        search = await self._kb.search(question, self._config.search_k)
        if search.confident and search.results:
            related = related_results(search.results, self._config.related_options, self._config.related_min_share)
            return answer_reply(search.results[0], lang, related)
        if search.results:
            return clarify_reply(search.results, self._config.clarify_options, lang)
        return no_match_reply(offer_human, lang)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            reply = await self._reply_for(tracker)
        except KBEntryNotFound:
            reply = no_match_reply()
        except KBUnavailable as exc:
            logger.warning("knowledge base unavailable: %s", exc)
            reply = kb_unavailable_reply()
        except Exception:  # never leave the young person with silence
            logger.exception("answering from the knowledge base failed")
            reply = kb_unavailable_reply()
        dispatcher.utter_message(
            text=reply.text,
            response=reply.response,
            buttons=reply.buttons or None,
            json_message=reply.custom or None,
        )
        return []
