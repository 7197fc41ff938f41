"""action_answer_from_kb: answer a question from the knowledge base, clarify, or fall back."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from common.ages import AgeLimit
from common.open_now import asks_who_is_open
from common.question import asks_question
from common.wish_to_talk import asks_for_a_person_here, in_this_chat, seeks_a_service, wants_to_talk
from common.yes_no import yes_no_with_thanks

from .age_fit import AgeFit
from .config import ActionConfig
from .context import (
    broad_request,
    correction,
    dissatisfied,
    follow_up,
    last_bot_custom,
    leading_yes_no,
    option_by_words,
    ordinal,
    short_question,
    strong_follow_up,
    topic_words,
    vague,
)
from .decision import KEEP, Context, Decider
from .kb_client import KBClient, KBEntryNotFound, KBResult, KBUnavailable
from .network import Network
from .replies import (
    TOPIC_TEXT,
    WHICH_ONE_TEXT,
    Reply,
    answer_reply,
    conversation_language,
    kb_unavailable_reply,
    no_match_reply,
    none_of_these_reply,
    not_helpful_reply,
    options_reply,
    result_options,
)
from .topics import Topics, default_topics

logger = logging.getLogger(__name__)

QUESTION_INTENT = "ask_question"
# Intents that answer what the bot asked: a yes, a no, a typed choice.
YES_NO_INTENTS = ("affirm", "deny", "choose_option")

# Bot messages a yes or a no can answer: an answer ("nei" = it did not help), options, an offer,
# a check-in, the crisis answer's question.
ASKING_KINDS = frozenset({"answer", "clarify", "handoff_offer", "check_in", "crisis"})
# Bot messages that tried to help: "det hjalp ikke" after one of them offers a person (after an
# honest "I have no answer" as much as after an answer, and after the crisis answer or a check-in:
# the helplines did not help, so a person here).
NOT_HELPED_KINDS = frozenset({"answer", "clarify", "out_of_scope", "fallback", "crisis", "check_in"})

# The small-talk reply for a gated intent the knowledge base could not answer.
SMALLTALK_RESPONSES = {
    "greet": "utter_greet",
    "goodbye": "utter_goodbye",
    "thanks": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot",
    "request_human": "utter_handoff_offer",
}


def _entity(tracker: Tracker, name: str) -> Any:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == name:
            return entity.get("value")
    return None


def _chosen_entry_id(tracker: Tracker) -> str | None:
    if ((tracker.latest_message or {}).get("intent") or {}).get("name") != "choose_entry":
        return None
    value = _entity(tracker, "entry_id")
    return value if isinstance(value, str) else None


def _yes_no_reply(intent: str, options: list[dict[str, Any]] | None, previous: dict[str, Any], lang: str) -> Reply:
    """A bare yes or no (or an unreadable choice) after the bot's last message `previous`."""
    if options:
        if intent == "deny":
            return none_of_these_reply(lang)
        return options_reply(options, lang, WHICH_ONE_TEXT)
    if intent == "deny" and previous.get("kind") == "answer":
        return not_helpful_reply()
    if intent == "deny" and previous.get("kind") == "check_in":
        # "nei det går fint, bare en dårlig dag" after the gentle check-in, which the NLU read with
        # more words than a no: as the rule for a no to the check-in does.
        return Reply(response="utter_check_in_declined")
    if previous.get("kind") == "handoff_offer" and intent in ("affirm", "deny"):
        # The offer this action made after an answer that did not help: as its buttons do.
        return Reply(response="utter_handoff" if intent == "affirm" else "utter_handoff_declined")
    return Reply(response="utter_how_can_i_help")


class ActionAnswerFromKB(Action):
    """Answers, clarifies or falls back; reads short messages in the light of the last turn.

    - A button (`/choose_entry`), a typed choice among the options of a clarify ("den andre",
      "nr 2", or words of one option's title) answers that entry.
    - "Nei" to a clarify is "none of these"; "ja" to one asks which; "nei" right after an answer
      offers other words or a person; any other bare yes or no gets a neutral prompt.
    - A follow-up ("og hvis ...", "hva med ...", a bare age, "nei, jeg mente ...") is searched
      together with the last question, and answered when that finds the same service (or is
      confident); the last question and service are kept in the `context_*` slots.
    - A topic from the menu lists that topic's entries; a general request for help naming a broad
      topic ("i need help with school stuff") lists that topic's, unless the knowledge base is sure.
    - "Det hjalp ikke" after an answer offers a person; a yes or no to that offer, or one the NLU
      missed after any offer of a person, does what the offer's buttons do.
    - After a language switch, the last answer comes again in the new language.
    """

    def __init__(
        self, config: ActionConfig | None = None, topics: Topics | None = None, network: Network | None = None,
        ages: dict[str, AgeLimit] | None = None, kb: KBClient | None = None,
    ) -> None:
        self._config = config or ActionConfig.from_env()
        self._kb = kb or KBClient(self._config.kb_url, self._config.kb_timeout_seconds, self._config.kb_service_token)
        self._topics = topics or default_topics()
        self._network = network or Network()
        self._decide = Decider(self._config, self._kb, self._topics, AgeFit.read(ages))

    def name(self) -> str:
        return "action_answer_from_kb"

    async def _entry(self, entry_id: str, lang: str) -> tuple[Reply, Context]:
        result = await self._kb.entry(entry_id)
        return answer_reply(result, lang), Context(result.title, result.service)

    async def _topic_reply(self, topic_id: Any, lang: str) -> tuple[Reply, Context | None]:
        topic = self._topics.topic(topic_id)
        if topic is None:
            return Reply(response="utter_topics"), KEEP
        search = await self._kb.search(topic.query, self._config.topic_search_k)
        in_topic = [r for r in search.results if r.service in topic.services]
        # One entry per service first, so the list shows the topic's breadth.
        picked: list[KBResult] = []
        for result in in_topic:
            if result.service not in {p.service for p in picked}:
                picked.append(result)
        picked += [r for r in in_topic if r not in picked]
        picked = picked[: self._config.topic_options]
        if not picked:
            return Reply(response="utter_topics"), KEEP
        options = result_options(picked, lang)
        text = {key: value.format(title=topic.title.get(key, topic.id)) for key, value in TOPIC_TEXT.items()}
        return options_reply(options, lang, text, topic=topic.id), Context(topic.query, None)

    async def _service_named(self, text: str) -> str | None:
        """The service a "who is open" question is about ("kph chat åpen nå?"), when the knowledge
        base is sure of it and it is in the network; None otherwise, or when the knowledge base is
        down (the network needs no knowledge base)."""
        try:
            search = await self._kb.search(text, self._config.search_k)
        except KBUnavailable:
            return None
        if not self._decide.confident(search):
            return None
        service = search.results[0].service
        return service if self._network.has(service) else None

    async def _answer_again(self, previous: dict[str, Any], lang: str) -> tuple[Reply | None, Context | None]:
        """After a language switch (the rule has said so in the new language): the last answer
        again, in that language, so the young person need not ask again; else, or when the
        knowledge base cannot give it now, nothing more."""
        entry_id = previous.get("entry_id") if previous.get("kind") == "answer" else None
        if not entry_id:
            return None, KEEP
        try:
            return await self._entry(str(entry_id), lang)
        except (KBUnavailable, KBEntryNotFound):
            return None, KEEP

    async def _reply_to_last(
        self, text: str, intent: str | None, message: dict[str, Any], previous: dict[str, Any], context: Context, lang: str,
    ) -> tuple[Reply, Context | None] | None:
        """A message that says what it thinks of the bot's last one: the last answer did not help,
        or a yes or a no the NLU missed after the offer of a person. None when it is neither."""
        if previous.get("kind") in NOT_HELPED_KINDS and dissatisfied(text):
            # "det hjalp ikke", "too complicated": sorry, and a person, unless the message is also
            # a new question the knowledge base is sure of (not the answer just given). Asking for
            # someone in the same breath ("finnes det en person jeg kan spørre?") is the offer's
            # yes already.
            if not (seeks_a_service(text) or in_this_chat(text)):
                sure = await self._decide.sure_of(text, lang)
                if sure is not None and sure[1] is not None and sure[1].service not in (None, context.service):
                    return sure
            return not_helpful_reply(), KEEP
        said = leading_yes_no(text) if previous.get("kind") == "handoff_offer" else None
        if said and intent not in YES_NO_INTENTS and not message.get("gated_intent"):
            # "nei, trengs ikke likevel" after the offer of a person, read by the NLU as a question:
            # the knowledge base's answer if it is sure ("nei, men hvordan får jeg skattekort?"),
            # else what the offer's buttons do.
            sure = await self._decide.sure_of(text, lang)
            if sure is not None:
                return sure
            return Reply(response="utter_handoff" if said == "affirm" else "utter_handoff_declined"), KEEP
        return None

    async def _reply_for(self, tracker: Tracker) -> tuple[Reply | None, Context | None]:
        lang = conversation_language(tracker.get_slot("lang"))
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        text = (message.get("text") or "").strip()
        # "can you answer in english? where do i test for chlamydia": the question is the rest (the
        # NLU's language tagger took the request out; the language slot is already set).
        text = str(message.get("without_language_request") or "").strip() or text
        chosen = _chosen_entry_id(tracker)
        if chosen is not None:
            return await self._entry(chosen, lang)
        if intent == "choose_topic":
            return await self._topic_reply(_entity(tracker, "topic") or tracker.get_slot("topic"), lang)

        previous = last_bot_custom(tracker.events or [])
        if intent == "switch_language":
            return await self._answer_again(previous, lang)
        if previous.get("kind") == "topics" and text and not text.startswith("/"):
            # A topic of the menu typed rather than tapped ("rus", "jobb og penger", "sex pls").
            typed = self._topics.named_in(topic_words(text))
            if typed is not None:
                return await self._topic_reply(typed.id, lang)
        options = previous.get("options") if previous.get("kind") == "clarify" else None
        if options and text and not text.startswith("/"):
            picked = ordinal(text, len(options))
            if picked is None:
                picked = option_by_words(text, [str(o.get("title", "")) for o in options])
            if picked is not None:
                return await self._entry(str(options[picked]["entry_id"]), lang)

        corrected = correction(text)
        context = Context(tracker.get_slot("context_question"), tracker.get_slot("context_service"))
        if text and not corrected:
            replied = await self._reply_to_last(text, intent, message, previous, context, lang)
            if replied is not None:
                return replied
        # "hvilke chatter er åpne nå?": the chat network, the last answer's service first. "Når er
        # de åpne?" right after an answer is about that service: the knowledge base answers it.
        if text and not text.startswith("/") and asks_who_is_open(text) and not (context.service and follow_up(text)):
            named = await self._service_named(text)
            return self._network.reply(lang, named or context.service, named=named is not None), KEEP
        # "connect me to an adult pls", "can i speak to someone real": a person here is offered,
        # whatever the NLU read (DIET leans to `crisis` on talk of adults; with no crisis signal
        # the crisis layer hands it on as a question).
        if text and not text.startswith("/") and not corrected and asks_for_a_person_here(text):
            return Reply(response=SMALLTALK_RESPONSES["request_human"]), KEEP
        # A small-talk intent with a word its examples never had (connectors.nlu_gate): answer
        # when the knowledge base is sure, else the small-talk reply after all.
        gated = message.get("gated_intent")
        if gated == "request_human" and text and not in_this_chat(text) and not corrected:
            # "anyone i can talk to about being gay", "i need a free lawyer for my appeal": a topic
            # and a wish for someone, with no sign of wanting someone in this chat. The knowledge
            # base's answer, or its options (which end with the button for a person here), say
            # where; else the offer of a person.
            reply, new_context = await self._decide.reply(text, Context(), lang, True)
            if reply.custom.get("kind") in ("answer", "clarify"):
                return reply, new_context
        if gated == "need_help" and text and vague(text) and not (corrected or follow_up(text)):
            # "need help with something": the NLU's need for help with no topic named, whatever
            # the knowledge base makes of "something", is the topic menu.
            return Reply(response="utter_topics"), KEEP
        if gated and text and not text.startswith("/"):
            # "no thanks ill figure it out": a yes or a no with thanks closes what was offered; the
            # knowledge base is not asked what its other words might mean, unless it asks something.
            closing = gated in YES_NO_INTENTS and yes_no_with_thanks(text) and not (corrected or asks_question(text))
            # A request for a person is never read as a follow-up of the last answer.
            reply = None if closing else await self._decide.reply(
                corrected or text, Context() if gated == "request_human" else context, lang, False,
                corrected=corrected is not None, only_sure=True,
            )
            if reply is not None:
                return reply
            # A yes or no answers something the bot asked; as the first thing said, after a
            # message that asked nothing a yes could answer (the topic menu, small talk), or with
            # no yes or no word in it at all ("rus" read as a yes), it is a question.
            asked = previous.get("kind") in ASKING_KINDS and leading_yes_no(text) is not None
            intent = QUESTION_INTENT if gated in YES_NO_INTENTS and not asked else gated
            # "Out of scope" is weighed with the knowledge base and the domain model below.
            if intent in SMALLTALK_RESPONSES:
                return Reply(response=SMALLTALK_RESPONSES[intent]), KEEP

        # A yes that goes on to ask for a person ("ja det er meg, vil gjerne snakke med noen"): the
        # offer of a person, as a request for one gets.
        if intent == "affirm" and text and wants_to_talk(text) and not corrected:
            return Reply(response=SMALLTALK_RESPONSES["request_human"]), KEEP
        # A yes or no with more to say ("ja, og hva med bil?") is read as a question.
        if intent in YES_NO_INTENTS and not (corrected or strong_follow_up(text)):
            return _yes_no_reply(intent, options, previous, lang), KEEP

        # After a second fallback in a row, a person is offered.
        offer_human = previous.get("kind") == "fallback"
        if not text or text.startswith("/"):
            return no_match_reply(offer_human, lang), KEEP
        leans_on_last = follow_up(text) or (bool(context.service) and short_question(text))
        if (intent == "need_help" or vague(text)) and not (corrected or leans_on_last):
            return Reply(response="utter_topics"), KEEP
        broad = self._topics.named_in(broad_request(text))
        if broad is not None and not (corrected or leans_on_last):
            # "i need help with school stuff": that topic's list, unless the knowledge base is sure.
            sure = await self._decide.sure_of(text, lang)
            return sure if sure is not None else await self._topic_reply(broad.id, lang)
        # The NLU calls a short message out of scope when it lacks the topic ("when's the
        # deadline"); right after an answer it may be a follow-up, so it is read in context first.
        reply = await self._decide.reply(
            corrected or text, context, lang, offer_human,
            corrected=corrected is not None, out_of_scope=intent == "out_of_scope",
        )
        assert reply is not None
        return reply

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        context: Context | None = KEEP
        try:
            reply, context = await self._reply_for(tracker)
        except KBEntryNotFound:
            reply = no_match_reply()
        except KBUnavailable as exc:
            logger.warning("knowledge base unavailable: %s", exc)
            reply = kb_unavailable_reply()
        except Exception:  # never leave the young person with silence
            logger.exception("answering from the knowledge base failed")
            reply = kb_unavailable_reply()
        if reply is not None:  # None: nothing to add (after a language switch with no answer before it)
            send(dispatcher, reply)
        return context.events() if context is not None else []


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(
        text=reply.text,
        response=reply.response,
        buttons=reply.buttons or None,
        json_message=reply.custom or None,
    )
