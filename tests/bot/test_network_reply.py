"""The chat network as the bot's reply, at a frozen time: "hvem kan jeg chatte med nå?" gets who is
open in the conversation's language, the last answer's service first, 113 and a person; a
question about "their" hours right after an answer goes to the knowledge base instead."""

from __future__ import annotations

from datetime import datetime

from rasa_sdk.executor import CollectingDispatcher

from actions.answer_from_kb import ActionAnswerFromKB
from actions.config import ActionConfig
from actions.network import Network
from common.contact_channels import OSLO
from support.trackers import make_tracker

MONDAY_LUNCH = datetime(2026, 11, 30, 13, 0, tzinfo=OSLO)
TUESDAY_NIGHT = datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)


async def run_at(moment: datetime, text: str, slots: dict):
    # No knowledge base at this address: the network must not need one.
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), network=Network(clock=lambda: moment))
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, make_tracker(text, slots=slots), domain={})
    [message] = dispatcher.messages
    return message


async def test_who_is_open_lists_the_network_with_the_last_answers_service_first():
    message = await run_at(MONDAY_LUNCH, "hvilke chatter er åpne nå?", {"context_service": "ros", "lang": "nb"})
    lines = message["text"].splitlines()
    services = message["custom"].pop("services")
    assert message["custom"] == {"kind": "network", "lang": "nb"}
    assert lines[1].startswith("• ROS") and "åpent nå" in lines[1]
    # the ids of the services listed, one per line, in the text's order
    bullet_lines = [line for line in lines if line.startswith("• ")]
    assert services[0] == "ros" and len(services) == len(bullet_lines) == len(set(services))
    assert "116 123" in message["text"] and message["text"].endswith("Er det akutt, ring 113.")
    assert message["buttons"][-1]["payload"] == "/request_human"


async def test_at_night_in_english_the_closed_ones_say_when_they_open():
    message = await run_at(TUESDAY_NIGHT, "who can i chat with right now", {"lang": "en"})
    assert message["text"].startswith("You can contact:")
    assert "opens at 14:00" in message["text"] and "open day and night" in message["text"]


async def test_a_question_about_their_hours_right_after_an_answer_is_not_the_network():
    # "og hvilke av dem ..." leans on the last answer: the knowledge base (down here) answers.
    message = await run_at(MONDAY_LUNCH, "og hvilke av dem har chat åpen nå?", {"context_service": "ros", "lang": "nb"})
    assert (message.get("custom") or {}).get("kind") != "network"


async def test_a_service_the_question_names_comes_first_when_the_knowledge_base_is_sure():
    from actions.kb_client import KBResult, KBSearch

    class SureKB:
        async def search(self, query, k, context=None):
            return KBSearch([KBResult("kph-chat", "kors-pa-halsen", "ngo", "t", "a", None, 0.9, "Kors på halsen", "", "dated")], True)

    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), network=Network(clock=lambda: TUESDAY_NIGHT), kb=SureKB())
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, make_tracker("kph chat åpen nå?", slots={"lang": "nb"}), domain={})
    lines = dispatcher.messages[0]["text"].splitlines()
    assert lines[1].startswith("• Kors på halsen") and "åpner kl. 14:00" in lines[1]
