"""The caseworker console API: login, sessions, CSRF, teams, and working a ticket."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest

from connectors.handoff.accounts import Accounts
from connectors.handoff.config import HandoffConfig
from connectors.handoff.console import CaseworkerInput
from connectors.handoff.teams import load_teams
from common import staff
from common.clock import now_ms
from connectors.transcript import TranscriptStore
from connectors.widget.config import WidgetConfig
from connectors.widget.store import WidgetStore
from support.bad_input import id_suffixes, unreadable_bodies
from support.channels import serve_channel

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "riktig-hest-batteri"


async def no_bot(message):
    raise AssertionError("the console never calls the bot")


async def answering_bot(message):
    """The bot a hand-back hands to: it answers what was left unanswered."""
    await message.output_channel.send_response(
        message.sender_id, {"text": f"Bot-svar på: {message.text}", "custom": {"kind": "answer", "lang": "nb"}}
    )


async def make_console(config: HandoffConfig, redis_client, redis_port, redis_db, tickets) -> CaseworkerInput:
    """The console channel with two caseworkers, kari (nav) and siri (skole)."""
    accounts = Accounts(redis_client, session_seconds=3600)
    await accounts.add("kari", PASSWORD, ["nav"], name="Kari")
    await accounts.add("siri", PASSWORD, ["skole"], name="Siri")
    return CaseworkerInput(
        config, load_teams(config.teams_file, *config.catalogue_files), tickets, accounts, TranscriptStore(redis_client, ttl_seconds=3600)
    )


@pytest.fixture
async def console(redis_client, redis_port, redis_db, tickets):
    channel = await make_console(HandoffConfig(), redis_client, redis_port, redis_db, tickets)
    async with serve_channel(channel, answering_bot) as base:
        yield base


class Client:
    """One caseworker's browser: a cookie jar and the CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""

    async def request(self, method: str, path: str, body: dict | None = None, *, csrf: bool = True, content_type: str = "application/json"):
        headers = {"Content-Type": content_type}
        if csrf and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        data = json.dumps(body) if body is not None else None
        async with self.http.request(method, self.base + path, data=data, headers=headers) as response:
            return response.status, await response.json(content_type=None), response

    async def login(self, username: str, password: str = PASSWORD) -> int:
        status, body, _ = await self.request("POST", "/api/login", {"username": username, "password": password}, csrf=False)
        if status == 200:
            self.csrf = body["csrf"]
        return status

    async def close(self) -> None:
        await self.http.close()


@pytest.fixture
async def clients(console):
    made = []

    def make() -> Client:
        made.append(Client(console))
        return made[-1]

    yield make
    for client in made:
        await client.close()


async def test_login_sets_a_strict_httponly_cookie_and_wrong_passwords_fail(console, clients):
    client = clients()
    assert await client.login("kari", "feil-passord-her") == 401
    assert await client.login("ingen-slik", PASSWORD) == 401
    status, body, response = await client.request("POST", "/api/login", {"username": "kari", "password": PASSWORD}, csrf=False)
    assert status == 200 and body["caseworker"]["teams"] == ["nav"]
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/webhooks/caseworker" in cookie
    assert PASSWORD not in json.dumps(body)


async def test_every_api_needs_a_session(console, clients):
    client = clients()
    for method, path in (("GET", "/api/me"), ("GET", "/api/queue"), ("GET", "/api/tickets/abc"), ("POST", "/api/tickets/abc/claim")):
        status, body, _ = await client.request(method, path, {} if method == "POST" else None)
        assert status == 401, path


async def test_a_post_without_the_csrf_token_or_json_is_refused(console, clients, tickets):
    ticket = await tickets.create(session="s" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    client = clients()
    await client.login("kari")
    token, client.csrf = client.csrf, ""
    status, body, _ = await client.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    assert (status, body["error"]["code"]) == (403, "csrf")
    client.csrf = token
    status, body, _ = await client.request("POST", f"/api/tickets/{ticket.id}/claim", {}, content_type="text/plain")
    assert (status, body["error"]["code"]) == (400, "json_required")
    assert (await tickets.get(ticket.id)).status == "queued"


async def test_the_queue_shows_only_my_teams_and_another_teams_ticket_does_not_exist_for_me(console, clients, tickets):
    nav = await tickets.create(session="a" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    skole = await tickets.create(session="b" * 32, team="skole", service="lanekassen", lang="nn", priority="urgent", offline=False)
    kari = clients()
    await kari.login("kari")
    _, queue, _ = await kari.request("GET", "/api/queue")
    assert [t["id"] for t in queue["queue"]] == [nav.id]
    assert queue["queue"][0]["waiting_seconds"] >= 0
    status, _, _ = await kari.request("GET", f"/api/tickets/{skole.id}")
    assert status == 404
    status, _, _ = await kari.request("POST", f"/api/tickets/{skole.id}/claim", {})
    assert status == 404


async def test_claim_reply_note_transfer_and_hand_back(console, clients, tickets, redis_client):
    session = "c" * 32
    widget = WidgetStore(redis_client, WidgetConfig())
    await widget.append(session, [{"role": "user", "text": "<script>alert(1)</script> hjelp", "buttons": [], "custom": {}}])
    ticket = await tickets.create(session=session, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    kari, ola = clients(), clients()
    await kari.login("kari")
    status, claimed, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    assert status == 200 and claimed["ticket"]["claimed_by"] == "kari"

    # Writing: the young person sees "Kari skriver ..." until the reply is sent.
    status, _, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/typing", {})
    assert status == 200 and await tickets.typing(session) == "Kari"
    siri = clients()
    await siri.login("siri")
    status, body, _ = await siri.request("POST", f"/api/tickets/{ticket.id}/typing", {})
    assert status in (403, 404, 409)  # only the caseworker who holds the ticket

    status, reply, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/reply", {"text": "Hei, jeg heter Kari."})
    assert status == 200 and reply["message"]["role"] == "agent"
    assert await tickets.typing(session) is None
    status, _, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/note", {"text": "Trenger oppfølging"})
    assert status == 200
    _, view, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    assert [m["role"] for m in view["transcript"]] == ["user", "bot", "agent"]
    # The young person was told who joined, once: claiming again adds nothing.
    joined = view["transcript"][1]
    assert joined["custom"]["kind"] == "joined" and joined["text"].startswith("Kari fra ")
    await kari.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    _, again, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    assert [m["custom"].get("kind") for m in again["transcript"]].count("joined") == 1
    # The transcript comes back exactly as written: the console shows it as text.
    assert view["transcript"][0]["text"] == "<script>alert(1)</script> hjelp"
    assert view["notes"][0]["text"] == "Trenger oppfølging"

    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/reply", {"text": ""})
    assert (status, body["error"]["code"]) == (400, "invalid_text")
    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/close", {"outcome": "vet ikke"})
    assert (status, body["error"]["code"]) == (400, "invalid_outcome")

    seen = view["transcript"][-1]["id"]
    await widget.append(session, [{"role": "user", "text": "vent litt", "buttons": [], "custom": {}}])
    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/handback", {"seen": seen})
    assert (status, body["error"]["code"]) == (409, "new_message")
    _, view, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/handback", {"seen": view["transcript"][-1]["id"]})
    assert status == 200
    assert (await tickets.get(ticket.id)).outcome == "handed_back"
    # "vent litt" came after Kari's last reply: the bot answers it after the hand-back message.
    handback, answered = (await widget.history(session))[-2:]
    assert handback["custom"]["kind"] == "handback" and handback["role"] == "bot"
    assert answered["role"] == "bot" and answered["text"] == "Bot-svar på: vent litt"


async def test_a_hand_back_with_nothing_left_unanswered_adds_no_bot_answer(console, clients, tickets, redis_client):
    session = "e" * 32
    widget = WidgetStore(redis_client, WidgetConfig())
    await widget.append(session, [{"role": "user", "text": "hjelp med skatt", "buttons": [], "custom": {}}])
    ticket = await tickets.create(session=session, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    kari = clients()
    await kari.login("kari")
    await kari.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    await kari.request("POST", f"/api/tickets/{ticket.id}/reply", {"text": "Her er svaret ditt."})
    _, view, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    status, _, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/handback", {"seen": view["transcript"][-1]["id"]})
    assert status == 200
    assert (await widget.history(session))[-1]["custom"]["kind"] == "handback"


async def test_transfer_moves_the_ticket_out_of_my_queue(console, clients, tickets):
    ticket = await tickets.create(session="d" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    kari, siri = clients(), clients()
    await kari.login("kari")
    await siri.login("siri")
    await kari.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/transfer", {"team": "skole", "note": "Gjelder stipend"})
    assert status == 200 and body["ticket"]["team"] == "skole"
    _, queue, _ = await siri.request("GET", "/api/queue")
    assert [t["id"] for t in queue["queue"]] == [ticket.id]
    _, view, _ = await siri.request("GET", f"/api/tickets/{ticket.id}")
    assert "Gjelder stipend" in view["notes"][0]["text"]
    status, _, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    assert status == 404


async def test_the_console_page_sends_security_headers(console, clients):
    async with aiohttp.ClientSession() as http:
        async with http.get(console + "/") as response:
            assert response.status == 200
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        async with http.get(console + "/static/../../credentials.yml") as response:
            assert response.status == 404


async def test_the_console_serves_the_staff_pages_shared_files_and_login_form(console, clients):
    async with aiohttp.ClientSession() as http:
        async with http.get(console + "/") as response:
            page = await response.text()
        assert '<form id="login-form"' in page and "<!-- staff:" not in page
        for name, content_type in (("staff.css", "text/css"), ("staff.js", "application/javascript")):
            async with http.get(console + "/static/" + name) as response:
                assert response.status == 200, name
                assert response.headers["Content-Type"].startswith(content_type)
                assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
                assert await response.read() == (staff.STAFF_DIR / name).read_bytes()
        for name in staff.VENDORED:   # the console's modules import the vendored lit beside them
            async with http.get(console + "/static/" + name) as response:
                assert response.status == 200, name
                assert response.headers["Content-Type"].startswith("application/javascript")
                assert await response.read() == (staff.VENDOR_DIR / name).read_bytes()


async def test_a_gone_caseworkers_ticket_returns_to_the_queue_with_no_console_open(redis_client, redis_port, redis_db, tickets):
    config = dataclasses.replace(HandoffConfig(), release_after_seconds=1)
    ticket = await tickets.create(session="s" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    await tickets.heartbeat("kari", ["nav"], now=now_ms() - 60_000)
    await tickets.claim(ticket.id, "kari", ["nav"])
    channel = CaseworkerInput(config, load_teams(config.teams_file, *config.catalogue_files), tickets,
                              Accounts(redis_client, session_seconds=3600), TranscriptStore(redis_client, ttl_seconds=3600))

    async def no_bot(message):
        raise AssertionError("the console never calls the bot")

    async with serve_channel(channel, no_bot):  # the server runs; nobody polls the queue
        deadline = asyncio.get_running_loop().time() + 10
        while (await tickets.get(ticket.id)).status != "queued":
            assert asyncio.get_running_loop().time() < deadline, "the ticket stayed claimed"
            await asyncio.sleep(0.1)
    assert (await tickets.events(ticket.id))[-1]["event"] == "released_on_disconnect"


async def test_an_unreadable_login_body_is_400_not_500(console, clients):
    client = clients()
    for name, raw in unreadable_bodies().items():
        async with client.http.post(console + "/api/login", data=raw, headers={"Content-Type": "application/json"}) as response:
            body = await response.json(content_type=None)
            assert (response.status, body["error"]["code"]) == (400, "malformed_json"), name


@pytest.mark.parametrize("seen", ["not-an-id", "1-2-3", "12345-0\n", 42, ["1-0"]])
async def test_a_bad_seen_on_hand_back_is_400_not_503(console, clients, tickets, seen):
    ticket = await tickets.create(session="e" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    kari = clients()
    await kari.login("kari")
    await kari.request("POST", f"/api/tickets/{ticket.id}/claim", {})
    status, body, _ = await kari.request("POST", f"/api/tickets/{ticket.id}/handback", {"seen": seen})
    assert (status, body["error"]["code"]) == (400, "invalid_seen")
    assert (await tickets.get(ticket.id)).status == "claimed"


async def test_a_ticket_id_with_a_trailing_newline_is_not_found(console, clients, tickets):
    ticket = await tickets.create(session="f" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    kari = clients()
    await kari.login("kari")
    status, _, _ = await kari.request("GET", f"/api/tickets/{ticket.id}")
    assert status == 200
    for suffix in id_suffixes().values():
        status, _, _ = await kari.request("GET", f"/api/tickets/{ticket.id}{quote(suffix)}")
        assert status == 404


async def _login_cookie(config: HandoffConfig, redis_client, redis_port, redis_db, tickets, headers: dict) -> str:
    channel = await make_console(config, redis_client, redis_port, redis_db, tickets)
    async with serve_channel(channel, no_bot) as base:
        async with aiohttp.ClientSession() as http:
            body = json.dumps({"username": "kari", "password": PASSWORD})
            async with http.post(base + "/api/login", data=body, headers={"Content-Type": "application/json", **headers}) as response:
                assert response.status == 200
                return response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("settings", "headers", "secure"),
    [
        ({}, {}, False),
        ({}, {"X-Forwarded-Proto": "https"}, False),  # anyone can send the header
        ({"trusted_proxies": frozenset({"127.0.0.1"})}, {"X-Forwarded-Proto": "https"}, True),
        ({"trusted_proxies": frozenset({"127.0.0.1"})}, {"X-Forwarded-Proto": "http"}, False),
        ({"cookie_secure": True}, {}, True),
    ],
)
async def test_the_session_cookie_is_secure_behind_a_trusted_tls_proxy_or_when_configured(
    redis_client, redis_port, redis_db, tickets, settings, headers, secure
):
    config = dataclasses.replace(HandoffConfig(), **settings)
    cookie = await _login_cookie(config, redis_client, redis_port, redis_db, tickets, headers)
    assert ("Secure" in cookie) is secure


def test_cookie_and_proxy_settings_come_from_the_environment():
    config = HandoffConfig.from_settings({}, {"CONSOLE_COOKIE_SECURE": "1", "TRUSTED_PROXIES": "10.0.0.1", "CONSOLE_SESSION_MAX_SECONDS": "60"})
    assert config.cookie_secure and config.trusted_proxies == {"10.0.0.1"} and config.console_session_max_seconds == 60
    assert not HandoffConfig.from_settings({}, {}).cookie_secure


async def test_a_session_ends_at_its_absolute_lifetime_however_busy(redis_client):
    accounts = Accounts(redis_client, session_seconds=3600, max_session_seconds=600)
    await accounts.add("lise", PASSWORD, ["nav"])
    session = await accounts.login("lise", PASSWORD)
    assert await accounts.session(session.token) is not None
    # Logged in eleven minutes ago, busy all along (the idle limit keeps being renewed).
    await redis_client.hset(f"uv:console:session:{session.token}", "created", int(time.time()) - 660)
    assert await accounts.session(session.token) is None
    assert not await redis_client.exists(f"uv:console:session:{session.token}")


async def test_failed_logins_are_throttled_per_username_and_address_with_retry_after(console, clients, redis_client):
    client = clients()
    for _ in range(5):
        assert await client.login("kari", "feil-passord-her") == 401
    # The sixth try is refused before the password is checked: even the right one.
    status, body, response = await client.request("POST", "/api/login", {"username": "kari", "password": PASSWORD}, csrf=False)
    assert (status, body["error"]["code"]) == (429, "rate_limited")
    assert 1 <= int(response.headers["Retry-After"]) <= 15 * 60
    audit = await redis_client.xrange("uv:console:audit")
    assert audit and audit[-1][1]["who"] == "kari" and audit[-1][1]["action"] == "login_throttled"
    # Another username from the same address may still try: the address allows more failures.
    assert await client.login("siri") == 200
    # Nothing about the address is stored in the clear.
    keys = [key async for key in redis_client.scan_iter(match="uv:console:login-failures:*")]
    assert keys and not any("127.0.0.1" in key for key in keys)


async def test_a_login_from_a_fresh_address_and_user_is_not_held_by_old_failures_elsewhere(redis_client):
    from common.login_throttle import LoginThrottle, ThrottleSettings

    throttle = LoginThrottle(redis_client, "uv:test:login", ThrottleSettings(per_user=2, per_address=3, window_seconds=60))
    for _ in range(2):
        await throttle.failed("kari", "198.51.100.1")
    assert await throttle.retry_after("kari", "198.51.100.2") > 0  # the username is full
    assert await throttle.retry_after("siri", "198.51.100.1") == 0  # the address is not, yet
    await throttle.failed("ola", "198.51.100.1")
    assert await throttle.retry_after("siri", "198.51.100.1") > 0  # now it is
    assert await throttle.retry_after("siri", "198.51.100.2") == 0


async def test_the_console_counts_what_waits_per_team_and_names_teams_without_accounts(console, clients, tickets, redis_client, caplog):
    await tickets.create(session="a" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    await tickets.create(session="b" * 32, team="nav", service="nav", lang="nb", priority="urgent", offline=False)
    kari = clients()
    await kari.login("kari")
    _, queue, _ = await kari.request("GET", "/api/queue")
    mine = [t for t in queue["teams"] if t["mine"]]
    assert [(t["id"], t["waiting"]) for t in mine] == [("nav", 2)]
    assert all("waiting" not in t for t in queue["teams"] if not t["mine"])

    config = HandoffConfig()
    channel = CaseworkerInput(config, load_teams(config.teams_file, *config.catalogue_files), tickets,
                              Accounts(redis_client, session_seconds=3600), TranscriptStore(redis_client, ttl_seconds=3600))
    with caplog.at_level("WARNING"):
        unstaffed = await channel.warn_about_unstaffed_teams()
    # kari (nav) and siri (skole) have accounts; the default team and the tax team do not.
    assert "nav" not in unstaffed and "skole" not in unstaffed and "skatt-og-forerkort" in unstaffed
    assert "skatt-og-forerkort" in caplog.text


async def test_unclaimed_tickets_go_to_the_default_team_only_when_it_has_accounts(redis_client, tickets):
    config = dataclasses.replace(HandoffConfig(), escalate_after_seconds=1)
    teams = load_teams(config.teams_file, *config.catalogue_files)
    channel = CaseworkerInput(config, teams, tickets, Accounts(redis_client, session_seconds=3600), TranscriptStore(redis_client, ttl_seconds=3600))
    ticket = await tickets.create(session="s" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False, now=now_ms() - 5000)
    assert await channel.escalate_unclaimed() == []  # nobody on the default team: it would wait there too
    await Accounts(redis_client, session_seconds=3600).add("ola", PASSWORD, [teams.default_team])
    assert await channel.escalate_unclaimed() == [ticket.id]
    assert (await tickets.get(ticket.id)).team == teams.default_team
