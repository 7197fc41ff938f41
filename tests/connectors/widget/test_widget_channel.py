"""The widget channel over HTTP: sessions, messages, retries, history, limits, delete, feedback."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import aiohttp
import pytest

from connectors.incoming import MAX_BODY_BYTES, MAX_MESSAGE_CHARS
from connectors.widget.config import RedisConnection, WidgetConfig
from connectors.widget.store import WidgetStore
from support.channels import serve_channel
from support.bad_input import id_suffixes, unreadable_bodies, unstorable_texts
from support.widget_client import call, message, new_session

SKATTEKORT = {"kind": "answer", "service": "skatteetaten", "entry_id": "skattekort", "lang": "nb"}


def answering_bot(reply: dict | None = None):
    """An on_new_message that answers every message through the channel's output collector."""
    seen = []

    async def on_new_message(message):
        seen.append(message)
        await message.output_channel.send_response(
            message.sender_id,
            reply or {"text": "Bestill skattekort på skatteetaten.no", "custom": dict(SKATTEKORT),
                      "buttons": [{"title": "Mer", "payload": "/more"}]},
        )

    on_new_message.seen = seen
    return on_new_message


async def test_a_message_gets_the_bots_reply_with_an_id_and_is_kept_in_the_history(make_channel):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        session = await new_session(base)
        status, reply, _ = await call("POST", base + "/message", message(session, metadata={"lang": "nn", "x": "y"}))
        assert status == 200
        [answer] = reply["messages"]
        assert answer["role"] == "bot" and answer["custom"] == SKATTEKORT
        assert answer["buttons"] == [{"title": "Mer", "payload": "/more"}]
        assert answer["id"] and reply["user_message"]["id"] < answer["id"]
        assert reply["duplicate"] is False
        # The bot got the session as sender, the widget's channel name, and only known metadata.
        assert bot.seen[0].sender_id == session
        assert bot.seen[0].input_channel == "widget"
        assert bot.seen[0].metadata == {"lang": "nn"}

        status, history, _ = await call("GET", f"{base}/history?session={session}")
        assert status == 200
        assert [(m["role"], m["text"]) for m in history["messages"]] == [
            ("user", "hvordan får jeg skattekort"),
            ("bot", "Bestill skattekort på skatteetaten.no"),
        ]
        assert [m["id"] for m in history["messages"]] == [reply["user_message"]["id"], answer["id"]]


async def test_a_retried_message_is_answered_once(make_channel):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        session = await new_session(base)
        _, first, _ = await call("POST", base + "/message", message(session))
        _, again, _ = await call("POST", base + "/message", message(session))
        assert again["duplicate"] is True
        assert again["messages"] == first["messages"]
        assert len(bot.seen) == 1
        _, history, _ = await call("GET", f"{base}/history?session={session}")
        assert len(history["messages"]) == 2


async def test_a_retry_while_the_first_is_still_answered_waits_for_it(make_channel):
    seen = []

    async def slow_bot(msg):
        seen.append(msg)
        await asyncio.sleep(0.6)
        await msg.output_channel.send_response(msg.sender_id, {"text": "svar", "custom": {"kind": "answer", "lang": "nb"}})

    async with serve_channel(make_channel(), slow_bot) as base:
        session = await new_session(base)
        first, second = await asyncio.gather(
            call("POST", base + "/message", message(session)),
            call("POST", base + "/message", message(session)),
        )
    replies = sorted([first[1], second[1]], key=lambda r: r["duplicate"])
    assert [r["duplicate"] for r in replies] == [False, True]
    assert replies[0]["messages"] == replies[1]["messages"]
    assert len(seen) == 1


async def test_personal_data_is_redacted_before_it_is_stored_or_seen(make_channel):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "mobilen min er 912 34 567"))
        _, history, _ = await call("GET", f"{base}/history?session={session}")
    assert history["messages"][0]["text"] == "mobilen min er [telefon]"
    assert bot.seen[0].text == "mobilen min er [telefon]"


async def test_a_button_press_is_stored_as_its_title_and_a_menu_choice_is_hidden(make_channel):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, '/choose_entry{"entry_id": "x"}', display="Skattekort"))
        await call("POST", base + "/message", message(session, '/switch_language{"lang": "en"}', client_id="c-00000002"))
        _, history, _ = await call("GET", f"{base}/history?session={session}")
    users = [m for m in history["messages"] if m["role"] == "user"]
    assert users[0]["text"] == "Skattekort" and users[0]["custom"]["payload"] is True
    assert users[1]["text"] == "" and users[1]["custom"]["hidden"] is True


async def test_html_is_stored_and_returned_as_plain_text(make_channel):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "<script>alert(1)</script>"))
        _, history, _ = await call("GET", f"{base}/history?session={session}")
    assert history["messages"][0]["text"] == "<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"\xff\xfe\x00binary", 400, "malformed_json"),
        (b"[1, 2]", 400, "malformed_json"),
        (json.dumps({"session": "short", "message": "hei", "client_id": "c-00000001"}), 400, "invalid_session"),
        ("SESSION:" + json.dumps({"message": "  ", "client_id": "c-00000001"}), 400, "empty_message"),
        ("SESSION:" + json.dumps({"message": "\u200b\u3164", "client_id": "c-00000001"}), 400, "empty_message"),
        ("SESSION:" + json.dumps({"message": "x" * (MAX_MESSAGE_CHARS + 1), "client_id": "c-00000001"}), 400, "message_too_long"),
        ("SESSION:" + json.dumps({"message": "hei", "client_id": "<script>"}), 400, "invalid_client_id"),
        ("SESSION:" + json.dumps({"message": "hei", "client_id": "c-00000001", "metadata": [1]}), 400, "invalid_metadata"),
        ("SESSION:" + json.dumps({"message": "hei", "client_id": "c-00000001", "pad": "x" * MAX_BODY_BYTES}), 413, "payload_too_large"),
    ],
)
async def test_bad_input_gets_a_clear_4xx_and_never_reaches_the_bot(make_channel, raw, status, code):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        if isinstance(raw, str) and raw.startswith("SESSION:"):
            raw = json.dumps({"session": await new_session(base), **json.loads(raw[len("SESSION:"):])})
        got_status, reply, _ = await call("POST", base + "/message", raw)
    assert (got_status, reply["error"]["code"]) == (status, code)
    assert reply["error"]["message"]
    assert bot.seen == []


async def test_an_unknown_or_deleted_session_is_404(make_channel):
    async with serve_channel(make_channel(), answering_bot()) as base:
        status, reply, _ = await call("POST", base + "/message", message("x" * 32))
        assert (status, reply["error"]["code"]) == (404, "unknown_session")
        status, _, _ = await call("GET", f"{base}/history?session={'y' * 32}")
        assert status == 404


async def test_a_flood_gets_429_with_retry_after_and_does_not_reach_the_bot(widget_config, store):
    config = WidgetConfig(redis=widget_config.redis, flood_max_messages=3, flood_window_seconds=10)
    bot = answering_bot()
    from connectors.widget.channel import WidgetInput

    async with serve_channel(WidgetInput(config, store), bot) as base:
        session = await new_session(base)
        statuses = []
        for n in range(5):
            status, reply, headers = await call("POST", base + "/message", message(session, client_id=f"c-0000000{n}"))
            statuses.append(status)
        assert statuses == [200, 200, 200, 429, 429]
        assert reply["error"]["code"] == "rate_limited"
        assert 1 <= int(headers["Retry-After"]) <= 10
        assert len(bot.seen) == 3
        # Over the limit, a message in crisis still goes through at once.
        status, reply, _ = await call("POST", base + "/message", message(session, "jeg vil ta livet mitt", client_id="c-00000009"))
        assert status == 200 and reply["messages"]
        assert bot.seen[-1].text == "jeg vil ta livet mitt"


async def test_delete_removes_the_transcript_and_the_tracker(make_channel, store):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session))
        await store._redis.set(f"uv:tracker:{session}", "{}")
        status, reply, _ = await call("POST", base + "/delete", {"session": session})
        assert (status, reply) == (200, {"deleted": True})
        assert await store._redis.keys(f"*{session}*") == []
        status, _, _ = await call("GET", f"{base}/history?session={session}")
        assert status == 404


async def test_delete_also_removes_keys_other_parts_register(make_channel, store):
    store.register_conversation_keys(lambda session: [f"uv:handoff:transcript:{session}"])
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        await store._redis.set(f"uv:handoff:transcript:{session}", "[]")
        await call("POST", base + "/delete", {"session": session})
    assert await store._redis.exists(f"uv:handoff:transcript:{session}") == 0


async def test_feedback_is_counted_for_an_answered_entry_only(make_channel, store):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session))
        answer_id = reply["messages"][0]["id"]
        status, body, _ = await call("POST", base + "/feedback", {"session": session, "entry_id": "skattekort", "vote": "up", "message_id": answer_id})
        assert (status, body) == (200, {"ok": True})
        status, body, _ = await call("POST", base + "/feedback", {"session": session, "entry_id": "moped", "vote": "up"})
        assert (status, body["error"]["code"]) == (404, "unknown_entry")
        status, body, _ = await call("POST", base + "/feedback", {"session": session, "entry_id": "skattekort", "vote": "meh"})
        assert (status, body["error"]["code"]) == (400, "invalid_vote")
    assert await store.feedback_counts("skattekort") == {"up": 1, "down": 0}
    [(_, logged)] = await store._redis.xrange("uv:feedback:log")
    assert logged["entry_id"] == "skattekort" and logged["vote"] == "up" and logged["lang"] == "nb"
    assert session not in json.dumps(logged)


async def read_events(url: str, headers: dict, count: int, timeout: float = 5.0) -> list[dict]:
    events, current = [], {}
    async with aiohttp.ClientSession() as session:
        async with session.get(url, headers=headers, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/event-stream")
            async for raw in response.content:
                line = raw.decode().rstrip("\n")
                if line.startswith("id: "):
                    current["id"] = line[4:]
                elif line.startswith("data: "):
                    current["data"] = json.loads(line[6:])
                elif line == "" and "data" in current:
                    events.append(current)
                    current = {}
                    if len(events) >= count:
                        return events
    return events


async def test_the_stream_replays_after_last_event_id_and_then_sends_new_messages(make_channel, store):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        _, first, _ = await call("POST", base + "/message", message(session))
        user_id = first["user_message"]["id"]
        reader = asyncio.ensure_future(
            read_events(f"{base}/stream?session={session}", {"Last-Event-ID": user_id}, count=2)
        )
        await asyncio.sleep(0.3)
        # A caseworker's reply (or anything else) appended while the stream is open arrives too.
        [pushed] = await store.append(session, [{"role": "agent", "text": "Hei, jeg heter Kari", "buttons": [], "custom": {"kind": "agent", "lang": "nb"}}])
        events = await reader
    assert [e["id"] for e in events] == [first["messages"][0]["id"], pushed["id"]]
    assert events[1]["data"]["role"] == "agent"


async def test_the_stream_refuses_unknown_sessions(make_channel):
    async with serve_channel(make_channel(), answering_bot()) as base:
        status, reply, _ = await call("GET", f"{base}/stream?session={'z' * 32}")
        assert (status, reply["error"]["code"]) == (404, "unknown_session")
        status, reply, _ = await call("GET", f"{base}/stream?session=1&after=bad")
        assert status == 400


async def test_with_redis_down_a_crisis_still_gets_the_crisis_answer(widget_config):
    down = WidgetConfig(redis=RedisConnection(host="127.0.0.1", port=1, db=0), reply_timeout_seconds=5.0)
    store = WidgetStore.connect(down)

    async def failing_bot(msg):
        raise ConnectionError("redis is down")

    from connectors.widget.channel import WidgetInput

    async with serve_channel(WidgetInput(down, store), failing_bot) as base:
        status, created, _ = await call("POST", base + "/session", "{}")
        assert status == 201
        status, reply, _ = await call("POST", base + "/message", message(created["session"], "jeg vil ikke leve lenger"))
    assert status == 200
    [crisis] = reply["messages"]
    assert crisis["custom"]["kind"] == "crisis" and crisis["id"] is None
    assert "116 123" in crisis["text"]


async def test_cors_only_for_configured_origins(make_channel, widget_config):
    from dataclasses import replace

    async with serve_channel(make_channel(), answering_bot()) as base:
        _, _, headers = await call("POST", base + "/session", "{}", headers={"Origin": "https://kommune.example", "Content-Type": "text/plain"})
        assert "Access-Control-Allow-Origin" not in headers  # none configured
        assert headers["X-Content-Type-Options"] == "nosniff"
    config = replace(widget_config, allowed_origins=("https://kommune.example",))
    async with serve_channel(make_channel(config), answering_bot()) as base:
        _, _, allowed = await call("POST", base + "/session", "{}", headers={"Origin": "https://kommune.example"})
        _, _, other = await call("POST", base + "/session", "{}", headers={"Origin": "https://evil.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://kommune.example"
    assert "Access-Control-Allow-Origin" not in other


def test_allowed_origins_come_from_credentials_or_the_environment():
    from connectors.widget.config import WidgetConfig

    assert WidgetConfig.from_settings({}, env={}).allowed_origins == ()
    assert WidgetConfig.from_settings({}, env={"WIDGET_ALLOWED_ORIGINS": "https://a.no, https://b.no/"}).allowed_origins == ("https://a.no", "https://b.no")
    assert WidgetConfig.from_settings({"allowed_origins": ["https://c.no"]}, env={}).allowed_origins == ("https://c.no",)


async def test_the_widget_script_and_demo_page_are_served(make_channel):
    async with serve_channel(make_channel(), answering_bot()) as base:
        async with aiohttp.ClientSession() as client:
            async with client.get(base + "/widget.js") as response:
                script = await response.read()
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("application/javascript")
            async with client.get(base + "/demo") as response:
                page = await response.text()
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("text/html")
    # 40 KB until issue 22's tel links, long answers shown from their start, Esc twice to leave, the
    # pickup code's copy button and the compact header took it to 41 KB; the caseworker's typing
    # ("Kari skriver …", asked for while a caseworker is in) to 42.4 KB. The issue allows 45 KB.
    assert 0 < len(script) < 43.5 * 1024
    assert "/webhooks/widget/widget.js" in page
    for forbidden in (b"localStorage.setItem", b"innerHTML", b"http://", b"https://cdn"):
        assert forbidden not in script


@pytest.mark.parametrize("name", sorted(unreadable_bodies()))
async def test_every_endpoint_refuses_an_unreadable_body_with_400(make_channel, name):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        for path in ("/message", "/feedback", "/delete"):
            status, reply, _ = await call("POST", base + path, unreadable_bodies()[name])
            assert (status, reply["error"]["code"]) == (400, "malformed_json"), path
        # POST /session reads no body: whatever comes, a new session.
        status, _, _ = await call("POST", base + "/session", unreadable_bodies()[name])
        assert status == 201
    assert bot.seen == []


@pytest.mark.parametrize("name", sorted(unstorable_texts()))
async def test_unstorable_text_is_stored_repaired_and_answered(make_channel, name):
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        session = await new_session(base)
        status, reply, _ = await call("POST", base + "/message", message(session, unstorable_texts()[name]))
        assert status == 200 and reply["messages"]
        _, history, _ = await call("GET", f"{base}/history?session={session}")
    stored = history["messages"][0]["text"]
    stored.encode("utf-8")
    assert "\x00" not in stored


@pytest.mark.parametrize("name", sorted(id_suffixes()))
async def test_ids_with_a_trailing_character_are_refused(make_channel, name):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session = await new_session(base)
        status, reply, _ = await call("POST", base + "/message", message(session, client_id="c-00000001" + id_suffixes()[name]))
        assert (status, reply["error"]["code"]) == (400, "invalid_client_id")
        status, reply, _ = await call("POST", base + "/message", message(session + id_suffixes()[name]))
        assert (status, reply["error"]["code"]) == (400, "invalid_session")


async def test_a_retry_after_a_failure_is_answered_afresh_not_left_pending(make_channel, store):
    """Whatever fails after the retry id is claimed releases it: the retry must not hang."""
    failures = {"left": 1}
    real_append = store.append

    async def failing_append(session, messages):
        if failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("the store write failed")
        return await real_append(session, messages)

    store.append = failing_append
    bot = answering_bot()
    async with serve_channel(make_channel(), bot) as base:
        session = await new_session(base)
        status, _, _ = await call("POST", base + "/message", message(session))
        assert status >= 500
        status, reply, _ = await asyncio.wait_for(call("POST", base + "/message", message(session)), timeout=5)
    assert status == 200
    assert reply["duplicate"] is False and reply["messages"][0]["custom"] == SKATTEKORT


async def test_new_sessions_are_limited_per_client_address_across_instances(widget_config, store):
    from connectors.widget.channel import WidgetInput

    config = dataclasses.replace(widget_config, sessions_per_address=3, sessions_window_seconds=60)
    # Two instances share the count through Redis.
    first, second = WidgetInput(config, store), WidgetInput(config, store)
    async with serve_channel(first, answering_bot()) as base_a, serve_channel(second, answering_bot()) as base_b:
        statuses = [(await call("POST", base + "/session", "{}"))[0] for base in (base_a, base_b, base_a, base_b)]
        assert statuses == [201, 201, 201, 429]
        status, reply, headers = await call("POST", base_a + "/session", "{}")
        assert (status, reply["error"]["code"]) == (429, "rate_limited") and int(headers["Retry-After"]) >= 1
    # The address is kept only as a hash, and only for the window.
    keys = [key async for key in store.client.scan_iter(match="uv:widget:new-sessions:*")]
    assert keys and all("127.0.0.1" not in key for key in keys)
    assert 0 < await store.client.pttl(keys[0]) <= 60_000


async def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_count(widget_config, store):
    from connectors.widget.channel import WidgetInput

    config = dataclasses.replace(widget_config, sessions_per_address=1, trusted_proxies=frozenset({"127.0.0.1"}))
    async with serve_channel(WidgetInput(config, store), answering_bot()) as base:
        one = {"X-Forwarded-For": "198.51.100.1"}
        two = {"X-Forwarded-For": "198.51.100.2"}
        assert (await call("POST", base + "/session", "{}", headers=one))[0] == 201
        assert (await call("POST", base + "/session", "{}", headers=two))[0] == 201
        assert (await call("POST", base + "/session", "{}", headers=one))[0] == 429


async def test_one_vote_per_conversation_and_entry_a_second_replaces_the_first(make_channel, store):
    async with serve_channel(make_channel(), answering_bot()) as base:
        session, other = await new_session(base), await new_session(base)
        for who in (session, other):
            await call("POST", base + "/message", message(who))

        async def vote(who: str, value: str) -> None:
            status, _, _ = await call("POST", base + "/feedback", {"session": who, "entry_id": "skattekort", "vote": value})
            assert status == 200

        for value in ("up", "up", "up"):
            await vote(session, value)
        assert await store.feedback_counts("skattekort") == {"up": 1, "down": 0}
        await vote(session, "down")
        assert await store.feedback_counts("skattekort") == {"up": 0, "down": 1}
        await vote(other, "up")
        assert await store.feedback_counts("skattekort") == {"up": 1, "down": 1}
        # The log the content owners' statistics count holds one row per conversation and entry.
        assert sorted(row["vote"] for _, row in await store._redis.xrange("uv:feedback:log")) == ["down", "up"]
        # "Slett samtalen" removes the record of the votes with the rest of the conversation.
        await call("POST", base + "/delete", {"session": session})
    assert not await store._redis.exists(f"uv:widget:votes:{session}")


async def test_a_conversation_gets_at_most_two_open_streams(widget_config, store):
    from connectors.widget.channel import WidgetInput

    channel = WidgetInput(dataclasses.replace(widget_config, stream_block_seconds=1), store)
    async with serve_channel(channel, answering_bot()) as base:
        session = await new_session(base)
        async with aiohttp.ClientSession() as http:
            url = f"{base}/stream?session={session}"
            first = await http.get(url)
            second = await http.get(url)
            third = await http.get(url)
            assert (first.status, second.status, third.status) == (200, 200, 429)
            assert (await third.json())["error"]["code"] == "rate_limited" and third.headers["Retry-After"]
            first.close()
            # A closed stream gives its slot back.
            for _ in range(50):
                fourth = await http.get(url)
                if fourth.status == 200:
                    break
                await asyncio.sleep(0.1)
            assert fourth.status == 200
            for response in (second, fourth):
                response.close()


async def test_two_hundred_open_streams_share_one_redis_reader(widget_config, store):
    from connectors.widget.channel import WidgetInput

    config = dataclasses.replace(widget_config, stream_block_seconds=2, streams_per_address=1000)
    channel = WidgetInput(config, store)
    sessions = [await store.create_session() for _ in range(200)]
    async with serve_channel(channel, answering_bot()) as base:
        before = len(await store.client.client_list())
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
            responses = await asyncio.gather(*(http.get(f"{base}/stream?session={s}") for s in sessions))
            assert {r.status for r in responses} == {200}
            for _ in range(100):
                if channel.hub.following == 200:
                    break
                await asyncio.sleep(0.05)
            assert channel.hub.following == 200
            await asyncio.sleep(0.5)
            clients = await store.client.client_list()
            # One blocked reader for all 200 (before: 200 blocked XREADs, one connection each) ...
            assert len([c for c in clients if "b" in c["flags"]]) <= 1
            # ... and the pool holds what the streams' short setup commands needed at once.
            assert len(clients) - before < 50, (before, len(clients))
            # A message written to one conversation reaches its stream, and only that one.
            [written] = await store.append(sessions[123], [{"role": "agent", "text": "Hei fra Kari", "buttons": [], "custom": {}}])
            content = responses[123].content
            deadline = asyncio.get_running_loop().time() + 5
            seen = ""
            while "Hei fra Kari" not in seen and asyncio.get_running_loop().time() < deadline:
                seen += (await asyncio.wait_for(content.readline(), 5)).decode()
            assert written["id"] in seen and "Hei fra Kari" in seen
            for response in responses:
                response.close()
        for _ in range(100):
            if channel.hub.following == 0:
                break
            await asyncio.sleep(0.05)
        assert channel.hub.following == 0
