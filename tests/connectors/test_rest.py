from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from connectors.incoming import MAX_BODY_BYTES, MAX_MESSAGE_CHARS
from connectors.rest import GuardedRestInput
from support.bad_input import unreadable_bodies, unstorable_texts
from support.channels import post, serve_channel


def body(message: object = "hei", sender: object = "s1", **extra) -> str:
    return json.dumps({"sender": sender, "message": message, **extra})


def bot_that(respond):
    """An on_new_message that answers through the channel's output collector."""
    seen = []

    async def on_new_message(message):
        seen.append(message)
        await respond(message)

    on_new_message.seen = seen
    return on_new_message


async def test_route_keeps_rasas_rest_url():
    assert GuardedRestInput.name() == "rest"
    async def silent(message):
        return None
    async with serve_channel(GuardedRestInput(), bot_that(silent)) as base:
        status, _ = await post(base + "/webhook", body())
        assert status == 200


async def test_text_buttons_and_payload_arrive_as_one_message():
    async def respond(message):
        await message.output_channel.send_response(
            message.sender_id,
            {"text": "Velg en", "buttons": [{"title": "A", "payload": "/a"}],
             "custom": {"kind": "clarify", "lang": "nb"}},
        )

    on_new_message = bot_that(respond)
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        status, messages = await post(base + "/webhook", body("  hvordan søker jeg  "))
    assert status == 200
    assert messages == [{
        "recipient_id": "s1", "text": "Velg en",
        "buttons": [{"title": "A", "payload": "/a"}],
        "custom": {"kind": "clarify", "lang": "nb"},
    }]
    assert on_new_message.seen[0].text == "hvordan søker jeg"
    assert on_new_message.seen[0].input_channel == "rest"


async def test_message_without_payload_gets_kind_and_lang():
    async def respond(message):
        await message.output_channel.send_response(message.sender_id, {"text": "Hei!"})

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body())
    assert messages[0]["custom"] == {"kind": "message", "lang": "nb"}


@pytest.mark.parametrize("failure", ["raise", "silence", "hang"])
async def test_pipeline_failure_never_means_silence(failure):
    async def respond(message):
        if failure == "raise":
            raise RuntimeError("boom")
        if failure == "hang":
            await asyncio.sleep(5)

    async with serve_channel(GuardedRestInput(timeout_seconds=0.5), bot_that(respond)) as base:
        status, messages = await post(base + "/webhook", body())
    assert status == 200
    assert len(messages) == 1
    assert messages[0]["custom"]["kind"] == "fallback"
    assert "116 123" in messages[0]["text"]
    assert "ung.no" in messages[0]["text"]


@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        (b"not json", 400, "malformed_json"),
        (b"\xff\xfe\x00garbage", 400, "malformed_json"),
        (b"[1, 2]", 400, "malformed_json"),
        (b"", 400, "malformed_json"),
        (body(""), 400, "empty_message"),
        (body("   "), 400, "empty_message"),
        (body("\u200b"), 400, "empty_message"),
        (body(" \u200d\ufeff\u2800 "), 400, "empty_message"),
        (body(None), 400, "empty_message"),
        (body(42), 400, "empty_message"),
        (body("x" * (MAX_MESSAGE_CHARS + 1)), 400, "message_too_long"),
        (body(sender=None), 400, "invalid_sender"),
        (body(sender=""), 400, "invalid_sender"),
        (body(sender="x" * 129), 400, "invalid_sender"),
        (body(sender="a\nb"), 400, "invalid_sender"),
        (body(metadata=[1]), 400, "invalid_metadata"),
        (b"{" + b" " * (MAX_BODY_BYTES + 1) + b"}", 413, "payload_too_large"),
    ],
)
async def test_bad_input_gets_a_clear_4xx_and_never_reaches_the_bot(raw, status, code):
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        got_status, reply = await post(base + "/webhook", raw)
    assert got_status == status
    assert reply["error"]["code"] == code
    assert reply["error"]["message"]
    assert on_new_message.seen == []


async def test_html_is_passed_on_as_plain_text():
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        status, _ = await post(base + "/webhook", body("<script>alert(1)</script>"))
    assert status == 200
    assert on_new_message.seen[0].text == "<script>alert(1)</script>"


async def test_health_route():
    async with serve_channel(GuardedRestInput(), bot_that(lambda m: asyncio.sleep(0))) as base:
        import aiohttp

        async with aiohttp.ClientSession() as session:
            async with session.get(base + "/") as response:
                assert response.status == 200


CRISIS_TEXT = "jeg vil ikke leve lenger"


@pytest.mark.parametrize("failure", ["raise", "silence", "hang"])
async def test_crisis_message_gets_the_crisis_answer_when_the_bot_fails(failure):
    async def respond(message):
        if failure == "raise":
            raise ConnectionError("redis is down")
        if failure == "hang":
            await asyncio.sleep(5)

    channel = GuardedRestInput(timeout_seconds=10)
    channel.guard_config = type(channel.guard_config)(timeout_seconds=10, crisis_timeout_seconds=0.5)
    async with serve_channel(channel, bot_that(respond)) as base:
        status, messages = await post(base + "/webhook", body(CRISIS_TEXT))
    assert status == 200
    assert [m["custom"]["kind"] for m in messages] == ["crisis"]
    assert messages[0]["custom"]["category"] == "suicide"
    assert "116 123" in messages[0]["text"] and "113" in messages[0]["text"]


async def test_crisis_answer_goes_first_when_the_bot_missed_it():
    async def respond(message):
        await message.output_channel.send_response(
            message.sender_id, {"text": "Her er et svar", "custom": {"kind": "answer", "lang": "nb"}}
        )

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body(CRISIS_TEXT))
    assert [m["custom"]["kind"] for m in messages] == ["crisis", "answer"]


async def test_the_bots_own_crisis_answer_is_passed_on_unchanged():
    reply = {"text": "Krisesvar", "custom": {"kind": "crisis", "category": "suicide", "lang": "nb"}}

    async def respond(message):
        await message.output_channel.send_response(message.sender_id, dict(reply))

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body(CRISIS_TEXT))
    assert len(messages) == 1
    assert messages[0]["text"] == "Krisesvar"


async def test_a_check_in_the_bot_chose_for_a_flagged_message_stays():
    # The crisis classifier found the lexicon's match very unlikely: answer, then a gentle check-in.
    replies = [{"text": "Svar", "custom": {"kind": "answer", "lang": "nb"}},
               {"text": "Gjelder dette deg selv?", "custom": {"kind": "check_in", "lang": "nb"}}]

    async def respond(message):
        for reply in replies:
            await message.output_channel.send_response(message.sender_id, dict(reply))

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body(CRISIS_TEXT))
    assert [m["custom"]["kind"] for m in messages] == ["answer", "check_in"]


async def test_the_bot_sees_the_message_without_personal_data():
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        await post(base + "/webhook", body("ring meg på 912 34 567, fnr 01020300082"))
    assert on_new_message.seen[0].text == "ring meg på [telefon], fnr [fødselsnummer]"


@pytest.mark.parametrize(
    ("text", "metadata", "lang"),
    [
        ("eg vil ikkje leve lenger", {}, "nn"),
        ("I don't want to live anymore", {}, "en"),
        ("vil ikke leve", {"lang": "en"}, "nb"),
    ],
)
async def test_the_guards_crisis_answer_is_in_the_messages_language(text, metadata, lang):
    async def respond(message):
        raise ConnectionError("the bot is down")

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body(text, metadata=metadata))
    assert messages[0]["custom"]["kind"] == "crisis"
    assert messages[0]["custom"]["lang"] == lang


async def test_the_silence_fallback_follows_the_channels_language():
    async def respond(message):
        return None

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body("ok", metadata={"lang": "en"}))
    assert messages[0]["custom"] == {"kind": "fallback", "reason": "bot_unavailable", "lang": "en"}


async def test_a_handoff_over_rest_is_a_referral_since_rest_cannot_relay():
    async def respond(message):
        await message.output_channel.send_response(
            message.sender_id, {"text": "Ring 116 123", "custom": {"kind": "handoff", "lang": "nb"}}
        )

    async with serve_channel(GuardedRestInput(), bot_that(respond)) as base:
        _, messages = await post(base + "/webhook", body("/confirm_handoff"))
    assert messages[0]["custom"] == {"kind": "referral", "reason": "handoff_unavailable", "lang": "nb"}


@pytest.mark.parametrize("name", sorted(unreadable_bodies()))
async def test_a_body_the_parser_cannot_take_is_400_not_500(name):
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        status, reply = await post(base + "/webhook", unreadable_bodies()[name])
    assert (status, reply["error"]["code"]) == (400, "malformed_json")
    assert on_new_message.seen == []


@pytest.mark.parametrize("name", sorted(unstorable_texts()))
async def test_unstorable_text_reaches_the_bot_repaired(name):
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        status, _ = await post(base + "/webhook", body(unstorable_texts()[name]))
    assert status == 200
    [message] = on_new_message.seen
    message.text.encode("utf-8")
    assert "\x00" not in message.text


async def test_only_known_metadata_reaches_the_bot():
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        await post(base + "/webhook", body("hei", metadata={"lang": "01019912345", "fnr": "01019912345"}))
        await post(base + "/webhook", body("hei", metadata={"lang": "en", "deep": {"a": [1]}}))
        await post(base + "/webhook", body("hei", metadata={"lang": ["nb"]}))
    assert [m.metadata for m in on_new_message.seen] == [{}, {"lang": "en"}, {}]


async def test_every_rest_response_says_nosniff():
    on_new_message = bot_that(lambda message: asyncio.sleep(0))
    async with serve_channel(GuardedRestInput(), on_new_message) as base:
        async with aiohttp.ClientSession() as http:
            for method, path, data in (("POST", "/webhook", body()), ("POST", "/webhook", b"nope"), ("GET", "/", None)):
                async with http.request(method, base + path, data=data) as response:
                    assert response.headers.get("X-Content-Type-Options") == "nosniff", (method, path)
