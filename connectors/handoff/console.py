"""The caseworker console: a Rasa input channel that serves the console page and its API under
/webhooks/caseworker/ (it receives no bot messages itself).

Every API call checks the console session (an HttpOnly, SameSite=Strict cookie) and that the
ticket belongs to one of the caseworker's teams; every POST also needs the session's CSRF token in
the X-CSRF-Token header and a JSON body (which a cross-site form cannot send).

    POST /api/login            {username, password}        GET  /api/me
    POST /api/logout                                        GET  /api/queue   (also the heartbeat)
    GET  /api/tickets/<id>     ticket, transcript, notes, events
    POST /api/tickets/<id>/claim | release | reply {text} | note {text}
    POST /api/tickets/<id>/transfer {team, note} | close {outcome, seen} | handback {seen}
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from pathlib import Path
from typing import Any, Awaitable, Callable, Mapping

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from common import staff
from common.clock import now_ms
from common.login_throttle import LoginThrottle
from common.proxy import client_address, is_https

from ..errors import (
    ChannelError,
    ChannelInputError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    StoreUnavailableError,
    TicketError,
    UnauthorizedError,
    store_call,
)
from ..guard import GuardConfig, OnNewMessage, answer_safely
from ..incoming import MAX_BODY_BYTES, IncomingMessage, read_json_object
from ..settings import RedisConnection, Settings
from ..transcript import STREAM_ID_PATTERN, TranscriptConfig, TranscriptMessage, TranscriptStore
from .accounts import Accounts, ConsoleSession, staffed_teams
from .config import HandoffConfig
from .service import text as handoff_text
from .teams import Teams, load_teams
from .tickets import OUTCOMES, TICKET_ID_PATTERN, Ticket, TicketStore

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("static")
COOKIE = "uv_console"
MAX_REPLY_CHARS = 2000
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _body(request: Request) -> dict[str, Any]:
    raw = request.body or b""
    # JSON only (a cross-site form cannot send it); an oversized body is a 413 whatever its type.
    if len(raw) <= MAX_BODY_BYTES and not (request.headers.get("content-type") or "").startswith("application/json"):
        raise ChannelInputError("Send JSON (Content-Type: application/json).", code="json_required")
    return read_json_object(raw, allow_empty=True)


def _text_field(data: dict[str, Any], name: str, max_chars: int = MAX_REPLY_CHARS, required: bool = True) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > max_chars:
        raise ChannelInputError(f"Field '{name}' must be text of at most {max_chars} characters.", code=f"invalid_{name}")
    return value.strip()


class CaseworkerInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "caseworker"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "CaseworkerInput":
        settings = Settings(credentials)
        config = HandoffConfig.from_settings(settings)
        client = RedisConnection.from_settings(settings).connect()
        teams = load_teams(config.teams_file, *config.catalogue_files)
        tickets = TicketStore(client, ttl_seconds=config.ticket_ttl_seconds, closed_ttl_seconds=config.closed_ttl_seconds)
        accounts = Accounts(client, config.console_session_seconds, config.console_session_max_seconds)
        transcripts = TranscriptStore.from_config(client, TranscriptConfig.from_settings(settings))
        return cls(config, teams, tickets, accounts, transcripts)

    def __init__(
        self, config: HandoffConfig, teams: Teams, tickets: TicketStore, accounts: Accounts, transcripts: TranscriptStore,
        static_dir: Path = STATIC_DIR,
    ) -> None:
        self.config = config
        self.teams = teams
        self.tickets = tickets
        self.accounts = accounts
        self.transcripts = transcripts
        self.throttle = LoginThrottle(accounts.client, "uv:console:login-failures")
        # Rasa's handler, set when the blueprint is built: a hand-back lets the bot answer what the
        # young person asked last and nobody answered.
        self.on_new_message: OnNewMessage | None = None
        self.guard_config = GuardConfig()
        # The staff pages' shared stylesheet and script, the vendored lit the console's modules
        # import, and the shared login form inside the page.
        own = {path.name: path.read_bytes() for path in static_dir.iterdir() if path.suffix in STATIC_TYPES}
        self.static = {**staff.read_files(), **staff.read_vendored(), **own}
        self.static["console.html"] = staff.assemble(self.static["console.html"])

    @staticmethod
    async def _store_call(operation: Awaitable[Any]) -> Any:
        return await store_call(operation, "account", name_the_error=False)

    # --- authentication -------------------------------------------------------------------------
    async def _session(self, request: Request, *, write: bool) -> ConsoleSession:
        session = await self.accounts.session(request.cookies.get(COOKIE))
        if session is None:
            raise UnauthorizedError("Log in first.")
        if write and request.headers.get("x-csrf-token") != session.csrf:
            raise ForbiddenError("Missing or wrong CSRF token.", code="csrf")
        await self.tickets.heartbeat(session.caseworker.username, list(session.caseworker.teams))
        return session

    async def _ticket_for(self, session: ConsoleSession, ticket_id: str) -> Ticket:
        ticket = await self.tickets.get(ticket_id) if TICKET_ID_PATTERN.fullmatch(ticket_id) else None
        if ticket is None:
            raise NotFoundError("No such ticket.", code="unknown_ticket")
        mine = ticket.claimed_by == session.caseworker.username
        if ticket.team not in session.caseworker.teams and not mine:
            # Another team's ticket is treated as if it did not exist.
            raise NotFoundError("No such ticket.", code="unknown_ticket")
        return ticket

    def _teams_json(self, session: ConsoleSession, waiting: Mapping[str, int] | None = None) -> list[dict[str, Any]]:
        """Every team; with `waiting`, how many tickets wait in the queue of each of the caseworker's."""
        teams = []
        for team in self.teams.teams.values():
            item = {"id": team.id, "name": team.name, "mine": team.id in session.caseworker.teams, "open": team.is_open(self.teams.now())}
            if waiting is not None and item["mine"]:
                item["waiting"] = int(waiting.get(team.id, 0))
            teams.append(item)
        return teams

    # --- API handlers --------------------------------------------------------------------------
    async def login(self, request: Request) -> HTTPResponse:
        data = _body(request)
        username = _text_field(data, "username", 40)
        password = _text_field(data, "password", 200)
        username = username.lower()
        address = client_address(request, self.config.trusted_proxies)
        wait = await self._store_call(self.throttle.retry_after(username, address))
        if wait > 0:
            await self.accounts.audit(username, "login_throttled")
            raise RateLimitedError("Too many failed logins: wait a while and try again.", retry_after_seconds=wait)
        session = await self.accounts.login(username, password)
        if session is None:
            await self._store_call(self.throttle.failed(username, address))
            raise UnauthorizedError("Wrong username or password.", code="bad_credentials")
        reply = self._json({"csrf": session.csrf, "caseworker": self._caseworker_json(session)})
        reply.cookies[COOKIE] = session.token
        cookie = reply.cookies[COOKIE]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = "/webhooks/caseworker"
        cookie["max-age"] = self.config.console_session_seconds
        if self.config.cookie_secure or is_https(request, self.config.trusted_proxies):
            cookie["secure"] = True
        return reply

    @staticmethod
    def _caseworker_json(session: ConsoleSession) -> dict[str, Any]:
        caseworker = session.caseworker
        return {"username": caseworker.username, "name": caseworker.name, "teams": list(caseworker.teams)}

    async def me(self, request: Request) -> dict[str, Any]:
        session = await self._session(request, write=False)
        return {"caseworker": self._caseworker_json(session), "csrf": session.csrf, "teams": self._teams_json(session)}

    async def sweep_claimed_tickets(self, interval_seconds: float) -> None:
        """For the server's life: put back in the queue every claimed ticket whose caseworker has
        gone quiet, also when no console is open to trigger the sweep on its queue poll. Several
        Rasa instances may each run it: a release is one Lua script, so a ticket moves once."""
        while True:
            try:
                released = await self.tickets.sweep(self.config.release_after_seconds * 1000)
                if released:
                    logger.info("released %d ticket(s) whose caseworker had gone", len(released))
                escalated = await self.escalate_unclaimed()
                if escalated:
                    logger.info("escalated %d unclaimed ticket(s) to the default team", len(escalated))
            except Exception:  # noqa: BLE001 - Redis away, say: try again next round, never stop
                logger.warning("ticket sweep failed", exc_info=True)
            await asyncio.sleep(interval_seconds)

    async def escalate_unclaimed(self) -> list[str]:
        """Tickets their own team has not claimed within HANDOFF_ESCALATE_AFTER_SECONDS go to the
        default team (urgent first), when the default team has caseworker accounts."""
        default = self.teams.default_team
        if default not in await staffed_teams(self.accounts.client):
            return []
        return await self.tickets.escalate(list(self.teams.teams), default, self.config.escalate_after_seconds * 1000)

    async def warn_about_unstaffed_teams(self) -> list[str]:
        """At start-up: name the teams in teams.yml without a caseworker account (their tickets go
        to the default team, or nowhere). Returns them; Redis away: nothing to say yet."""
        try:
            staffed = await staffed_teams(self.accounts.client)
        except StoreUnavailableError:
            return []
        unstaffed = [team_id for team_id in self.teams.teams if team_id not in staffed]
        if unstaffed:
            logger.warning(
                "teams without a caseworker account (tickets for them go to %r, or nowhere): %s",
                self.teams.default_team, ", ".join(unstaffed),
            )
        return unstaffed

    async def queue(self, request: Request) -> dict[str, Any]:
        session = await self._session(request, write=False)
        await self.tickets.sweep(self.config.release_after_seconds * 1000)
        now, alert = now_ms(), self.config.urgent_alert_seconds * 1000
        queued = await self.tickets.queue(list(session.caseworker.teams))
        mine = await self.tickets.claimed_by(session.caseworker.username)
        return {
            "queue": [t.to_json(now, alert) for t in queued],
            "mine": [t.to_json(now, alert) for t in mine],
            "teams": self._teams_json(session, Counter(t.team for t in queued)),
        }

    async def ticket(self, request: Request, ticket_id: str) -> dict[str, Any]:
        session = await self._session(request, write=False)
        ticket = await self._ticket_for(session, ticket_id)
        return {
            "ticket": ticket.to_json(now_ms(), self.config.urgent_alert_seconds * 1000),
            "transcript": [message.to_json() for message in await self.transcripts.history(ticket.session)],
            "notes": await self.tickets.notes(ticket.id),
            "events": await self.tickets.events(ticket.id),
        }

    async def act(self, request: Request, ticket_id: str, action: str) -> dict[str, Any]:
        session = await self._session(request, write=True)
        ticket = await self._ticket_for(session, ticket_id)
        user = session.caseworker.username
        data = _body(request)
        if action == "claim":
            already_mine = ticket.claimed_by == user and ticket.status == "claimed"
            ticket = await self.tickets.claim(ticket.id, user, list(session.caseworker.teams))
            if not already_mine:
                # The young person is told a person has joined ("Kari fra Ungdomsveiledning er her nå").
                team = self.teams.teams.get(ticket.team)
                joined = TranscriptMessage.bot(
                    handoff_text("joined", ticket.lang, name=session.caseworker.name, team=team.name if team else ticket.team),
                    {"kind": "joined", "ticket": ticket.id, "lang": ticket.lang},
                )
                await self.transcripts.append(ticket.session, [joined])
            return {"ticket": ticket.to_json()}
        if action == "release":
            if not await self.tickets.release(ticket.id, expected_user=user):
                raise TicketError("You do not hold this ticket.", code="not_yours")
            return {"ok": True}
        if action == "note":
            await self.tickets.add_note(ticket.id, user, _text_field(data, "text"))
            return {"notes": await self.tickets.notes(ticket.id)}
        if ticket.claimed_by != user or ticket.status != "claimed":
            raise TicketError("Claim the ticket first.", code="not_yours")
        if action == "typing":
            # "Kari skriver ..." in the widget for a few seconds; renewed while she types.
            await self.tickets.set_typing(ticket.session, session.caseworker.name)
            return {"ok": True}
        if action == "reply":
            await self.tickets.clear_typing(ticket.session)
            message = TranscriptMessage.agent(
                _text_field(data, "text"),
                {"kind": "agent", "ticket": ticket.id, "lang": ticket.lang, "name": session.caseworker.name},
            )
            [stored] = await self.transcripts.append(ticket.session, [message])
            return {"message": stored.to_json()}
        if action == "transfer":
            team = data.get("team")
            if team not in self.teams.teams:
                raise ChannelInputError("Field 'team' must be a team id.", code="invalid_team")
            ticket = await self.tickets.transfer(ticket.id, user, team, _text_field(data, "note", required=False))
            return {"ticket": ticket.to_json()}
        if action in ("close", "handback"):
            outcome = "handed_back" if action == "handback" else data.get("outcome")
            if outcome not in OUTCOMES:
                raise ChannelInputError(f"Field 'outcome' must be one of {', '.join(OUTCOMES)}.", code="invalid_outcome")
            seen = data.get("seen")
            if seen is not None and not (isinstance(seen, str) and STREAM_ID_PATTERN.fullmatch(seen)):
                # Redis would refuse it inside the close script, which read as 503 store_unavailable.
                raise ChannelInputError("Field 'seen' must be a message id like '1764288000000-0'.", code="invalid_seen")
            key = "handed_back" if action == "handback" else "closed"
            closing = TranscriptMessage.bot(handoff_text(key, ticket.lang), {"kind": "handback", "ticket": ticket.id, "lang": ticket.lang})
            message_id = await self.tickets.close(ticket, user, outcome, seen=seen, closing_message=closing)
            if action == "handback":
                await self._answer_what_was_left(ticket)
            return {"ok": True, "message_id": message_id}
        raise NotFoundError("No such action.", code="unknown_action")

    async def _answer_what_was_left(self, ticket: Ticket) -> None:
        """After a hand-back, the bot answers the young person's last message if nobody answered
        it (written after the caseworker's last reply, or with no reply at all): it is not lost.
        The bot's replies go into the transcript, which the widget streams."""
        if self.on_new_message is None:
            return
        history = await self.transcripts.history(ticket.session)
        unanswered: TranscriptMessage | None = None
        for message in history:
            if message.role == "agent":
                unanswered = None
            elif message.role == "user":
                unanswered = message
        if unanswered is None or not unanswered.text.strip():
            return
        incoming = IncomingMessage(sender=ticket.session, text=unanswered.text, metadata={"lang": ticket.lang})
        replies = await answer_safely(self.on_new_message, incoming, "widget", self.guard_config)
        if replies:
            await self.transcripts.append(ticket.session, [TranscriptMessage.from_reply(reply) for reply in replies])

    # --- plumbing ------------------------------------------------------------------------------
    @staticmethod
    def _json(body: dict[str, Any], status: int = 200) -> HTTPResponse:
        return response.json(body, status=status, headers=dict(SECURITY_HEADERS))

    async def _answer(self, handler: Callable[[], Awaitable[Any]]) -> HTTPResponse:
        try:
            result = await handler()
            return result if isinstance(result, HTTPResponse) else self._json(result)
        except ChannelError as exc:
            reply = exc.to_response()
            reply.headers.update(SECURITY_HEADERS)
            return reply

    def blueprint(self, on_new_message) -> Blueprint:
        self.on_new_message = on_new_message
        console = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        sweeper: list[asyncio.Task] = []

        @console.listener("after_server_start")
        async def start_sweeping(app, _loop) -> None:
            await self.warn_about_unstaffed_teams()
            interval = max(1.0, self.config.release_after_seconds / 4)
            sweeper.append(asyncio.get_running_loop().create_task(self.sweep_claimed_tickets(interval)))

        @console.listener("before_server_stop")
        async def stop_sweeping(app, _loop) -> None:
            for task in sweeper:
                task.cancel()

        @console.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return response.raw(self.static["console.html"], content_type=STATIC_TYPES[".html"], headers=SECURITY_HEADERS)

        @console.route("/static/<name>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            if name not in self.static:
                return self._json({"error": {"code": "not_found", "message": "No such file."}}, 404)
            return response.raw(self.static[name], content_type=STATIC_TYPES[Path(name).suffix], headers=SECURITY_HEADERS)

        @console.route("/api/login", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            return await self._answer(lambda: self.login(request))

        @console.route("/api/logout", methods=["POST"])
        async def logout(request: Request) -> HTTPResponse:
            async def handler():
                session = await self._session(request, write=True)
                await self.accounts.logout(session.token)
                reply = self._json({"ok": True})
                reply.cookies[COOKIE] = ""
                reply.cookies[COOKIE]["max-age"] = 0
                reply.cookies[COOKIE]["path"] = "/webhooks/caseworker"
                return reply

            return await self._answer(handler)

        @console.route("/api/me", methods=["GET"])
        async def me(request: Request) -> HTTPResponse:
            return await self._answer(lambda: self.me(request))

        @console.route("/api/queue", methods=["GET"])
        async def queue(request: Request) -> HTTPResponse:
            return await self._answer(lambda: self.queue(request))

        @console.route("/api/tickets/<ticket_id>", methods=["GET"])
        async def ticket(request: Request, ticket_id: str) -> HTTPResponse:
            return await self._answer(lambda: self.ticket(request, ticket_id))

        @console.route("/api/tickets/<ticket_id>/<action>", methods=["POST"])
        async def act(request: Request, ticket_id: str, action: str) -> HTTPResponse:
            return await self._answer(lambda: self.act(request, ticket_id, action))

        return console
