"""Handoff through the widget channel: the ticket, the live relay, crisis during a handoff, the
hand-back, the offline case with its pickup code, and deleting a handed-off conversation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connectors.handoff.config import HandoffConfig
from connectors.handoff.service import HandoffService
from connectors.handoff.teams import load_teams
from connectors.handoff.tickets import TicketStore
from connectors.widget.channel import WidgetInput
from support.channels import serve_channel

from support.widget_client import call, message, new_session

SERVICES = Path(__file__).resolve().parents[3] / "knowledge_base" / "services.yml"


def teams_file(tmp_path, hours: str) -> Path:
    path = tmp_path / "teams.yml"
    path.write_text(
        "default_team: ung\nteams:\n"
        f"  - {{id: ung, name: Ungdomsveiledning, directorates: [bufdir], hours: {{'mon-sun': '{hours}'}}}}\n"
        f"  - {{id: skatt, name: Skatteteamet, directorates: [skatteetaten], hours: {{'mon-sun': '{hours}'}}}}\n"
    )
    return path


def scripted_bot(replies: dict[str, dict]):
    """Answers by message text; records what reached it."""
    seen = []

    async def on_new_message(msg):
        seen.append(msg.text)
        reply = replies.get(msg.text, {"text": "Bot-svar", "custom": {"kind": "answer", "service": "skatteetaten", "entry_id": "skattekort", "lang": "nb"}})
        await msg.output_channel.send_response(msg.sender_id, dict(reply))

    on_new_message.seen = seen
    return on_new_message


BOT = {
    "/confirm_handoff": {"text": "fallback-tekst", "custom": {"kind": "handoff", "lang": "nb"}},
}


async def add_account(store, username: str, teams: list[str]) -> None:
    """A caseworker account: a ticket goes only to a team that has one."""
    await store.client.hset(f"uv:caseworker:account:{username}", mapping={"username": username, "teams": json.dumps(teams)})


@pytest.fixture
def make_handoff(store):
    async def make(tmp_path, hours="00:00-23:59:59", staffed=("ung", "skatt")):
        config = HandoffConfig(teams_file=teams_file(tmp_path, hours), services_file=SERVICES)
        tickets = TicketStore(store.client, ttl_seconds=3600, closed_ttl_seconds=600)
        if staffed:
            await add_account(store, "kari", list(staffed))
        return HandoffService(tickets, load_teams(config.teams_file, *config.catalogue_files), config)

    return make


async def test_a_confirmed_handoff_opens_a_ticket_and_relays_until_hand_back(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    await handoff.store.heartbeat("kari", ["skatt"])
    bot = scripted_bot(BOT)
    async with serve_channel(WidgetInput(widget_config, store, handoff), bot) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "hvordan får jeg skattekort", client_id="c-00000001"))
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000002"))
        [confirmation] = reply["messages"]
        custom = confirmation["custom"]
        assert custom["kind"] == "handoff" and custom["priority"] == "normal" and custom["live"] is True
        assert custom["team"] == "skatt"  # the conversation was about a Skatteetaten answer
        assert "nummer 1 i køen" in confirmation["text"]
        ticket = await handoff.store.get(custom["ticket"])
        assert ticket.session == session and ticket.status == "queued"

        # From now on the young person's messages go to the caseworker, not the bot.
        _, relayed, _ = await call("POST", base + "/message", message(session, "er det noen der?", client_id="c-00000003"))
        assert relayed["relayed"] == ticket.id
        # It arrived, who reads it and when: said once per gap, not on every message.
        [ack] = relayed["messages"]
        assert ack["custom"]["kind"] == "waiting" and ack["custom"]["ticket"] == ticket.id
        assert "Skatteteamet" in ack["text"] and "minutter" in ack["text"]
        _, again, _ = await call("POST", base + "/message", message(session, "hallo?", client_id="c-00000005"))
        assert again["relayed"] == ticket.id and again["messages"] == []
        assert bot.seen == ["hvordan får jeg skattekort", "/confirm_handoff"]

        claimed = await handoff.store.claim(ticket.id, "kari", ["skatt"])
        # Once a caseworker has the ticket, they read along: no acknowledgement.
        _, live, _ = await call("POST", base + "/message", message(session, "takk", client_id="c-00000006"))
        assert live["relayed"] == ticket.id and live["messages"] == []
        last = (await store.history(session))[-1]["id"]
        await handoff.store.close(claimed, "kari", "handed_back", seen=last,
                                  closing_message={"role": "bot", "text": "Nå svarer chatboten igjen.", "custom": {"kind": "handback", "lang": "nb"}})
        _, answered, _ = await call("POST", base + "/message", message(session, "hva er frikort", client_id="c-00000004"))
        assert answered["messages"][0]["text"] == "Bot-svar"
        assert bot.seen[-1] == "hva er frikort"


async def test_a_crisis_during_a_handoff_gets_the_crisis_answer_and_makes_the_ticket_urgent(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    await handoff.store.heartbeat("kari", ["ung"])
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff"))
        ticket_id = reply["messages"][0]["custom"]["ticket"]
        _, relayed, _ = await call("POST", base + "/message", message(session, "jeg vil ikke leve lenger", client_id="c-00000009"))
    assert [m["custom"]["kind"] for m in relayed["messages"]] == ["crisis"]
    assert (await handoff.store.get(ticket_id)).priority == "urgent"
    assert [t.id for t in await handoff.store.queue(["ung"])] == [ticket_id]


async def test_after_a_crisis_the_ticket_is_urgent_from_the_start(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    bot = scripted_bot({**BOT, "jeg vil ikke leve": {"text": "krise", "custom": {"kind": "crisis", "category": "suicide", "lang": "nb"}}})
    async with serve_channel(WidgetInput(widget_config, store, handoff), bot) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "jeg vil ikke leve", client_id="c-00000001"))
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000002"))
    assert reply["messages"][0]["custom"]["priority"] == "urgent"


async def test_a_pickup_code_gets_the_language_of_the_question_not_a_guess_from_its_letters(
    widget_config, store, make_handoff, tmp_path, monkeypatch
):
    # "ax3v43eg": the language detector reads "eg" as nynorsk.
    monkeypatch.setattr("connectors.handoff.tickets.new_pickup_code", lambda: "AX3V-43EG")
    handoff = await make_handoff(tmp_path, hours="00:00-00:00")  # never open
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000001"))
        assert reply["messages"][0]["custom"]["pickup"] == "AX3V-43EG"
        later = await new_session(base)
        _, waiting, _ = await call("POST", base + "/message", message(later, "ax3v43eg", client_id="c-00000002"))
        assert waiting["messages"][0]["custom"]["kind"] == "pickup" and "ikke kommet" in waiting["messages"][0]["text"]


async def test_outside_opening_hours_the_young_person_gets_helplines_and_a_pickup_code(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path, hours="00:00-00:00")  # never open
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000001"))
        [offline] = reply["messages"]
        code = offline["custom"]["pickup"]
        assert offline["custom"]["live"] is False
        assert code in offline["text"] and "116 123" in offline["text"] and "116 111" in offline["text"]
        # The question they leave is queued for the team.
        _, left, _ = await call("POST", base + "/message", message(session, "kan jeg få hjelp med søknad?", client_id="c-00000002"))
        [saved] = left["messages"]
        assert saved["custom"]["kind"] == "waiting" and saved["custom"]["live"] is False and code in saved["text"]
        ticket = await handoff.store.get(offline["custom"]["ticket"])
        assert ticket.offline and [t.id for t in await handoff.store.queue(["ung"])] == [ticket.id]

        # Next day, in a new session: the answer is not there yet, then it is.
        later = await new_session(base)
        _, waiting, _ = await call("POST", base + "/message", message(later, code.lower().replace("-", ""), client_id="c-00000003"))
        assert waiting["messages"][0]["custom"]["kind"] == "pickup" and "ikke kommet" in waiting["messages"][0]["text"]
        await store.append(session, [{"role": "agent", "text": "Ja, send søknaden innen 15. mars.", "buttons": [], "custom": {"kind": "agent", "lang": "nb"}}])
        _, answer, _ = await call("POST", base + "/message", message(later, code, client_id="c-00000004"))
    assert [m["role"] for m in answer["messages"]] == ["bot", "agent"]
    assert answer["messages"][1]["text"] == "Ja, send søknaden innen 15. mars."


async def test_deleting_a_handed_off_conversation_withdraws_the_ticket(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff"))
        ticket_id = reply["messages"][0]["custom"]["ticket"]
        await call("POST", base + "/delete", {"session": session})
    assert await handoff.store.queue(["ung"]) == []
    assert (await handoff.store.get(ticket_id)).outcome == "deleted"
    assert await store.client.keys(f"*{session}*") == []


async def test_with_the_store_down_a_handoff_is_an_honest_referral(widget_config, make_handoff, tmp_path):
    from connectors.widget.config import RedisConnection, WidgetConfig
    from connectors.widget.store import WidgetStore

    down = WidgetConfig(redis=RedisConnection(host="127.0.0.1", port=1))
    store = WidgetStore.connect(down)
    config = HandoffConfig(teams_file=teams_file(tmp_path, "00:00-23:59:59"), services_file=SERVICES)
    handoff = HandoffService(TicketStore(store.client, ttl_seconds=60, closed_ttl_seconds=60), load_teams(config.teams_file, SERVICES), config)
    async with serve_channel(WidgetInput(down, store, handoff), scripted_bot(BOT)) as base:
        _, created, _ = await call("POST", base + "/session", "{}")
        _, reply, _ = await call("POST", base + "/message", message(created["session"], "/confirm_handoff"))
    [referral] = reply["messages"]
    assert referral["custom"]["kind"] == "referral" and "116 123" in referral["text"]


# Shared structures that hold no conversation: queues of ticket ids, caseworker presence, and the
# learning-from-use streams (redacted, no session; trimmed by age on every write).
LONG_LIVED = ("uv:handoff:queue:", "uv:handoff:claimed", "uv:caseworker:", "uv:insights:", "uv:feedback:log")


async def test_everything_a_handed_off_conversation_stored_expires(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    await handoff.store.heartbeat("kari", ["skatt"])
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, answered, _ = await call("POST", base + "/message", message(session, "hvordan får jeg skattekort", client_id="c-00000001"))
        await call("POST", base + "/feedback", {"session": session, "entry_id": "skattekort", "vote": "down", "message_id": answered["messages"][0]["id"]})
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000002"))
        ticket = await handoff.store.get(reply["messages"][0]["custom"]["ticket"])
        await call("POST", base + "/message", message(session, "er det noen der?", client_id="c-00000003"))
        claimed = await handoff.store.claim(ticket.id, "kari", ["skatt"])
        last = (await store.history(session))[-1]["id"]
        await handoff.store.close(claimed, "kari", "resolved", seen=last)

    redis = store.client
    without_ttl = [key async for key in redis.scan_iter() if await redis.ttl(key) == -1]
    assert without_ttl, "expected the shared queue/insights structures"
    assert [key for key in without_ttl if not key.startswith(LONG_LIVED)] == []
    for key in without_ttl:
        kind = await redis.type(key)
        content = json.dumps(await redis.xrange(key) if kind == "stream" else await redis.zrange(key, 0, -1) if kind == "zset"
                             else sorted(await redis.smembers(key)) if kind == "set" else await redis.hgetall(key) if kind == "hash" else [])
        assert session not in content, f"{key} keeps the session id"


async def test_when_nobody_is_at_work_the_young_person_gets_who_is_open_now(widget_config, store, tmp_path):
    """Sunday 21:00, a frozen clock: the team is closed; the network lists what is open, the
    service the conversation was about first, and the pickup code."""
    from datetime import datetime

    from common.contact_channels import OSLO

    config = HandoffConfig(teams_file=teams_file(tmp_path, "00:00-00:00"), services_file=SERVICES)
    tickets = TicketStore(store.client, ttl_seconds=3600, closed_ttl_seconds=600)
    sunday_evening = datetime(2026, 12, 6, 21, 0, tzinfo=OSLO)
    await add_account(store, "kari", ["ung"])
    handoff = HandoffService(tickets, load_teams(config.teams_file, *config.catalogue_files), config, clock=lambda: sunday_evening)
    bot = scripted_bot({
        **BOT,
        "jeg sliter med mat": {"text": "ROS-svar", "custom": {"kind": "answer", "service": "ros", "entry_id": "ros-chat", "lang": "nb"}},
    })
    async with serve_channel(WidgetInput(widget_config, store, handoff), bot) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "jeg sliter med mat", client_id="c-00000001"))
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000002"))
    [offline] = reply["messages"]
    text = offline["text"]
    assert offline["custom"]["pickup"] in text and "113" in text
    network = text[text.index("Disse kan du kontakte:"):].splitlines()
    # ROS's chat is closed on Sunday evening and opens Monday at 9; Kors på halsen's chat is open.
    assert any("Kors på halsen" in line and "åpent nå" in line for line in network)
    assert any(line.startswith("• ROS") and "åpner i morgen kl. 09:00" in line for line in network)
    assert "116 123" in text and "116 111" in text


async def test_with_no_caseworker_account_anywhere_no_ticket_is_opened_and_the_network_is_given(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path, staffed=())
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000001"))
    [referral] = reply["messages"]
    assert referral["custom"]["kind"] == "referral" and referral["custom"]["reason"] == "no_caseworkers"
    assert "116 123" in referral["text"] and "113" in referral["text"]
    assert await handoff.store.active_ticket(session) is None


async def test_a_team_without_accounts_sends_the_ticket_to_the_default_team(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path, staffed=("ung",))
    await handoff.store.heartbeat("kari", ["ung"])
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        await call("POST", base + "/message", message(session, "hvordan får jeg skattekort", client_id="c-00000001"))
        _, reply, _ = await call("POST", base + "/message", message(session, "/confirm_handoff", client_id="c-00000002"))
    [confirmation] = reply["messages"]
    # The conversation was about Skatteetaten, whose team has no caseworker: the default team takes it.
    assert confirmation["custom"]["team"] == "ung" and confirmation["custom"]["live"] is True


async def test_the_widget_sees_while_a_caseworker_is_writing(widget_config, store, make_handoff, tmp_path):
    handoff = await make_handoff(tmp_path)
    async with serve_channel(WidgetInput(widget_config, store, handoff), scripted_bot(BOT)) as base:
        session = await new_session(base)
        status, body, _ = await call("GET", base + f"/typing?session={session}")
        assert (status, body) == (200, {"typing": False, "name": None})
        await handoff.store.set_typing(session, "Kari", seconds=2)
        status, body, _ = await call("GET", base + f"/typing?session={session}")
        assert (status, body) == (200, {"typing": True, "name": "Kari"})
        assert 0 < await store.client.ttl(f"uv:handoff:typing:{session}") <= 2  # it goes by itself
        status, body, _ = await call("GET", base + "/typing?session=" + "f" * 32)
        assert status == 404 and body["error"]["code"] == "unknown_session"
        status, body, _ = await call("GET", base + "/typing?session=<script>")
        assert status == 400
