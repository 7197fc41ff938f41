from __future__ import annotations

import asyncio
import json
import socket
import time

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_from_kb import ActionAnswerFromKB
from actions.config import ActionConfig
from support.trackers import make_tracker


async def run_action(kb_url: str, tracker, timeout: float = 3.0) -> list[dict]:
    dispatcher = CollectingDispatcher()
    action = ActionAnswerFromKB(ActionConfig(kb_url=kb_url, kb_timeout_seconds=timeout))
    events = await action.run(dispatcher, tracker, domain={})
    assert events == []
    return dispatcher.messages


async def test_confident_question_is_answered_with_routing_payload(kb_url):
    messages = await run_action(kb_url, make_tracker("hvordan får jeg skattekort"))
    assert len(messages) == 1
    message = messages[0]
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["service"] == "skatteetaten"
    assert message["custom"]["entry_id"] == "fixture-skattekort"
    assert message["custom"]["lang"] == "nb"
    assert "skatteetaten.no" in message["text"]
    assert "Skatteetaten" in message["text"]


async def test_unclear_question_offers_at_most_three_choices(kb_url):
    messages = await run_action(kb_url, make_tracker("jeg trenger penger"))
    assert len(messages) == 1
    message = messages[0]
    assert message["custom"]["kind"] == "clarify"
    assert message["response"] == "utter_clarify"
    assert 1 <= len(message["buttons"]) <= 3
    for button, option in zip(message["buttons"], message["custom"]["options"]):
        payload = button["payload"]
        assert payload.startswith("/choose_entry")
        assert json.loads(payload[len("/choose_entry"):])["entry_id"] == option["entry_id"]


async def test_chosen_entry_is_answered(kb_url):
    tracker = make_tracker(
        '/choose_entry{"entry_id": "fixture-moped"}',
        intent="choose_entry",
        entities=[{"entity": "entry_id", "value": "fixture-moped"}],
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["entry_id"] == "fixture-moped"
    assert message["custom"]["service"] == "vegvesen"


@pytest.mark.parametrize("entry_id", ["no-such-entry", "../../healthz", "<script>"])
async def test_unknown_chosen_entry_gets_no_match(kb_url, entry_id):
    tracker = make_tracker(
        "/choose_entry", intent="choose_entry", entities=[{"entity": "entry_id", "value": entry_id}]
    )
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_no_match"


async def test_empty_text_gets_no_match_without_calling_search(kb_url):
    [message] = await run_action(kb_url, make_tracker("   "))
    assert message["response"] == "utter_no_match"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_unreachable_kb_gets_fallback():
    [message] = await run_action(f"http://127.0.0.1:{closed_port()}", make_tracker("skattekort"))
    assert message["response"] == "utter_kb_unavailable"


async def test_hanging_kb_gets_fallback_within_the_timeout():
    # A server that accepts connections and never answers.
    release = asyncio.Event()

    async def hang(reader, writer):
        await release.wait()
        writer.close()

    server = await asyncio.start_server(hang, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    started = time.monotonic()
    try:
        [message] = await run_action(f"http://127.0.0.1:{port}", make_tracker("skattekort"), 0.5)
    finally:
        release.set()
        server.close()
        await server.wait_closed()
    assert message["response"] == "utter_kb_unavailable"
    assert time.monotonic() - started < 5


# --- the answer language follows the conversation's `lang` slot ----------------------------


async def test_nynorsk_conversation_gets_the_nynorsk_answer(kb_url):
    [message] = await run_action(kb_url, make_tracker("korleis får eg skattekort", slots={"lang": "nn"}))
    assert message["custom"]["lang"] == "nn"
    assert "answer_lang" not in message["custom"]
    assert message["text"].startswith("Bestill skattekort sjølv")


async def test_english_conversation_gets_the_english_answer(kb_url):
    [message] = await run_action(kb_url, make_tracker("how do I get a tax card", slots={"lang": "en"}))
    assert message["custom"]["lang"] == "en"
    assert message["text"].startswith("Order your tax card yourself")


async def test_missing_version_answers_in_bokmal_and_says_so_in_the_readers_language(kb_url):
    tracker = make_tracker(
        '/choose_entry{"entry_id": "fixture-borteboer"}',
        intent="choose_entry",
        entities=[{"entity": "entry_id", "value": "fixture-borteboer"}],
        slots={"lang": "nn"},
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["lang"] == "nn"
    assert message["custom"]["answer_lang"] == "nb"
    note, answer = message["text"].split("\n\n")[:2]
    assert "berre på bokmål" in note
    assert answer == "Søk borteboerstipend hos Lånekassen."


async def test_clarify_options_use_the_title_in_the_conversation_language(kb_url):
    [message] = await run_action(kb_url, make_tracker("jeg trenger penger", slots={"lang": "en"}))
    assert message["custom"]["kind"] == "clarify"
    assert message["custom"]["lang"] == "en"
    titles = {option["entry_id"]: option["title"] for option in message["custom"]["options"]}
    expected = {"fixture-borteboer": "Grant for living away from home", "fixture-skattekort": "Skattekort til første jobb", "fixture-moped": "Førerkort for moped"}
    assert titles == {entry_id: expected[entry_id] for entry_id in titles}
    assert [button["title"] for button in message["buttons"]] == list(titles.values())


async def test_an_unknown_slot_value_falls_back_to_bokmal(kb_url):
    [message] = await run_action(kb_url, make_tracker("hvordan får jeg skattekort", slots={"lang": "xx"}))
    assert message["custom"]["lang"] == "nb"
    assert message["text"].startswith("Bestill skattekort selv")


async def test_a_second_fallback_in_a_row_offers_a_person(kb_url):
    first = make_tracker("qwxz plokk fnurr", slots={"lang": "en"})
    [message] = await run_action(kb_url, first)
    assert message["response"] == "utter_no_match" and not message.get("buttons")

    second = make_tracker("zzkv brumm", slots={"lang": "en"})
    user_event = second.events.pop()
    second.events.extend([
        {"event": "user", "text": "qwxz plokk fnurr"},
        {"event": "bot", "text": "I don't have a good answer", "data": {"custom": {"kind": "fallback", "reason": "no_match"}}},
        user_event,
    ])
    [message] = await run_action(kb_url, second)
    assert message["response"] == "utter_no_match"
    assert message["buttons"] == [{"title": "Talk to an adult", "payload": "/request_human"}]
    assert message["custom"]["offer"] == "handoff" and message["custom"]["lang"] == "en"
