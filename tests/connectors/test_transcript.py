"""The conversation transcript: one message shape for every writer, and its store on a real Redis."""

from __future__ import annotations

import json

from common import redis_keys
from connectors.transcript import STREAM_ID_PATTERN, TranscriptMessage, TranscriptStore


def test_every_builder_gives_the_wire_shape():
    bot = TranscriptMessage.bot("Hei!", {"kind": "smalltalk", "lang": "nb"}, [{"title": "Ja", "payload": "/affirm"}])
    assert list(bot.to_json()) == ["role", "text", "buttons", "custom", "ts", "id"]
    assert bot.to_json()["role"] == "bot" and bot.ts and bot.id is None
    assert TranscriptMessage.user("hjelp", {"client_id": "c-00000001"}).to_json()["buttons"] == []
    reply = TranscriptMessage.from_reply({"text": None, "custom": None})
    assert (reply.role, reply.text, reply.buttons, reply.custom) == ("bot", "", [], {})
    agent = TranscriptMessage.agent("Hei, jeg heter Kari", {"kind": "agent"})
    assert agent.ts is None and agent.stamped().ts  # the store stamps a caseworker's reply


def test_the_stored_form_has_no_id_and_reads_back_the_same():
    message = TranscriptMessage.user("hei", {"client_id": "c-00000001"})
    stored = json.loads(message.encode())
    assert "id" not in stored
    assert TranscriptMessage.from_json(stored, "1764288000000-0").to_json() == {**message.to_json(), "id": "1764288000000-0"}


def test_a_copy_for_another_transcript_is_stamped_anew_without_its_id():
    original = TranscriptMessage.from_json({"role": "agent", "text": "svar", "custom": {"kind": "agent"}, "ts": 1}, "1-0")
    copy = original.copied()
    assert copy.id is None and copy.ts > 1 and (copy.role, copy.text, copy.custom) == ("agent", "svar", {"kind": "agent"})


def test_a_message_written_without_a_time_keeps_none():
    assert "ts" not in TranscriptMessage.from_json({"role": "agent", "text": "x", "buttons": [], "custom": {}}).to_json()


async def test_append_and_read_back_in_order(redis_client):
    client = redis_client
    store = TranscriptStore(client, ttl_seconds=600)
    first, second = await store.append("s" * 32, [
        TranscriptMessage.user("hei", {}), {"role": "agent", "text": "Hei!", "buttons": [], "custom": {"kind": "agent"}},
    ])
    assert STREAM_ID_PATTERN.fullmatch(first.id) and second.ts  # stamped and numbered
    history = await store.history("s" * 32)
    assert [m.to_json() for m in history] == [first.to_json(), second.to_json()]
    assert [m.id for m in await store.history("s" * 32, after=first.id)] == [second.id]
    assert await store.last_id("s" * 32) == second.id
    assert await store.last_id("t" * 32) == "0-0"
    assert 0 < await client.ttl(redis_keys.transcript("s" * 32)) <= 600
    assert await store.append("s" * 32, []) == []
