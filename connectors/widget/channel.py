"""The website widget's Rasa input channel, at /webhooks/widget/.

    POST /session     a new conversation; the server picks the id
    POST /message     one message in, the bot's replies out (idempotent per client_id)
    GET  /history     the conversation so far
    GET  /stream      server-sent events: every message after Last-Event-ID, then new ones
    POST /delete      "Slett samtalen": the transcript, the tracker and any handoff data go
    POST /feedback    thumbs up/down on an answer the bot gave in this conversation
    GET  /widget.js   the widget;  GET /demo  a demo page

Replies never depend on Redis: when it is down, messages are answered (the guard gives the
crisis answer or a fallback if the bot fails) and returned unstored, with a null id.
POST bodies are read as JSON whatever their content type, so the widget can send text/plain
and avoid a CORS preflight from other sites.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from common.proxy import address_key, client_address
from common.redaction import redact

from ..crisis import crisis_message, detect, detect_crisis
from ..errors import ChannelError, NotFoundError, RateLimitedError, StoreUnavailableError, UnknownSessionError
from ..guard import GuardConfig, OnNewMessage, answer_safely
from ..handoff.config import HandoffConfig
from ..handoff.service import HandoffService, pickup_code, unavailable_message
from ..handoff.teams import load_teams
from ..handoff.tickets import TicketStore
from ..incoming import IncomingMessage
from ..language.choice import DEFAULT_LANGUAGE, channel_language, reply_language
from ..settings import Settings
from ..transcript import TranscriptMessage
from .config import WidgetConfig
from .flood import SharedFloodLimiter
from .hub import StreamHub, StreamSlots
from .hub import Subscription as StreamSubscription
from .protocol import MessageRequest, parse_feedback, parse_message, parse_session_only, session_id, stream_id
from .store import StoredReply, WidgetStore, new_session_id

logger = logging.getLogger(__name__)
SESSIONS_KEY_PREFIX = "uv:widget:new-sessions:"

STATIC_DIR = Path(__file__).with_name("static")
PENDING_POLL_SECONDS = 0.25
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
DEMO_HEADERS = {
    **SECURITY_HEADERS,
    # The demo page loads nothing from anywhere else.
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
}


def bot_messages(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's replies as transcript messages, in their wire shape (not stored yet: id None)."""
    return [TranscriptMessage.from_reply(reply).to_json() for reply in replies]


def user_message(request: MessageRequest) -> TranscriptMessage:
    """The young person's message as the transcript keeps it: redacted, a button press shown as
    its title."""
    custom: dict[str, Any] = {"client_id": request.client_id}
    text = request.text
    if text.startswith("/"):
        # A button press is shown as the button's title; a payload without one (the language
        # menu) is not shown at all.
        custom["payload"] = True
        text = request.display or ""
        if not text:
            custom["hidden"] = True
    return TranscriptMessage.user(redact(text), custom)


def _last_question(history: list[dict[str, Any]]) -> str:
    """The young person's last typed message (redacted when stored), not a button press."""
    for message in reversed(history):
        custom = message.get("custom") or {}
        if message.get("role") == "user" and not custom.get("payload") and not custom.get("hidden"):
            return message.get("text") or ""
    return ""


def _last_service(history: list[dict[str, Any]]) -> str | None:
    """The service the conversation was last about: the latest answer's, for routing a ticket."""
    for message in reversed(history):
        service = (message.get("custom") or {}).get("service")
        if message.get("role") == "bot" and isinstance(service, str):
            return service
    return None


class _Claim:
    """Whether this request holds the retry id of its client_id (see `receive_message`)."""

    def __init__(self) -> None:
        self.held = False


class WidgetInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "widget"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "WidgetInput":
        settings = Settings(credentials)
        config = WidgetConfig.from_settings(settings)
        store = WidgetStore.connect(config)
        handoff_config = HandoffConfig.from_settings(settings)
        tickets = TicketStore(
            store.client, ttl_seconds=handoff_config.ticket_ttl_seconds, closed_ttl_seconds=handoff_config.closed_ttl_seconds
        )
        teams = load_teams(handoff_config.teams_file, *handoff_config.catalogue_files)
        return cls(config, store, HandoffService(tickets, teams, handoff_config))

    def __init__(
        self, config: WidgetConfig, store: WidgetStore, handoff: HandoffService | None = None, static_dir: Path = STATIC_DIR
    ) -> None:
        self.config = config
        self.store = store
        self.handoff = handoff
        if handoff is not None:
            store.register_conversation_keys(handoff.store.keys_for_session)
        # Counted in Redis, so every Rasa instance behind a load balancer sees the same count.
        self.limiter = SharedFloodLimiter(store.client, config.flood_max_messages, config.flood_window_seconds)
        # One Redis reader per process for every open event stream, and caps on open streams.
        self.hub = StreamHub(store.client)
        self.slots = StreamSlots(
            store.client, config.streams_per_session, config.streams_per_address, stale_seconds=2 * config.stream_block_seconds + 5
        )
        self.session_limiter = SharedFloodLimiter(
            store.client, config.sessions_per_address, config.sessions_window_seconds, prefix=SESSIONS_KEY_PREFIX
        )
        self.guard_config = GuardConfig(
            timeout_seconds=config.reply_timeout_seconds,
            crisis_timeout_seconds=min(config.reply_timeout_seconds, GuardConfig.crisis_timeout_seconds),
        )
        self.widget_js = (static_dir / "widget.js").read_bytes()
        self.demo_html = (static_dir / "demo.html").read_bytes()

    # --- handlers ------------------------------------------------------------------------------
    async def create_session(self, address: str = "") -> dict[str, Any]:
        """A new session, at most `sessions_per_address` per client address in the window (429).
        The address is counted as a hash, in Redis, for the window only."""
        allowed = await self.session_limiter.check(address_key(address))
        if not allowed.allowed:
            raise RateLimitedError(
                f"More than {self.config.sessions_per_address} new conversations from one address in "
                f"{self.config.sessions_window_seconds:g} seconds.",
                retry_after_seconds=allowed.retry_after_seconds,
            )
        try:
            session = await self.store.create_session()
        except StoreUnavailableError:
            # Still chat: replies do not need the store; the conversation just is not kept.
            logger.warning("widget session created without the store")
            session = new_session_id()
        return {"session": session, "expires_in": self.config.ttl_seconds}

    async def receive_message(self, on_new_message: OnNewMessage, request: MessageRequest) -> dict[str, Any]:
        flood = await self.limiter.check(request.session)
        if not flood.allowed and not detect(request.text):  # a crisis is never held back
            raise RateLimitedError(
                f"More than {self.config.flood_max_messages} messages in {self.config.flood_window_seconds:g} seconds.",
                retry_after_seconds=flood.retry_after_seconds,
            )
        # One place releases a claimed retry id: whatever fails after the claim, a retry with the
        # same client_id must get a fresh answer, not wait on a reply that will never come.
        claim = _Claim()
        try:
            return await self._receive(on_new_message, request, claim)
        except BaseException:
            if claim.held:
                await self._release(request)
            raise

    async def _receive(self, on_new_message: OnNewMessage, request: MessageRequest, claim: _Claim) -> dict[str, Any]:
        stored = True
        try:
            if not await self.store.session_exists(request.session):
                raise UnknownSessionError("This conversation has expired or was deleted. Start a new one.")
            earlier = await self.store.claim_reply(request.session, request.client_id)
            if earlier is not None:
                return await self._earlier_reply(request, earlier)
            claim.held = True
            relayed = await self._relay_to_caseworker(request)
            if relayed is not None:
                return relayed
            [user] = await self.store.append(request.session, [user_message(request)])
            picked_up = await self._pickup(request, user)
            if picked_up is not None:
                return picked_up
        except StoreUnavailableError:
            logger.warning("widget message answered without the store")
            stored = False
            user = user_message(request).to_json()

        incoming = IncomingMessage(sender=request.session, text=request.text, metadata=request.metadata)
        replies = bot_messages(await answer_safely(on_new_message, incoming, self.name(), self.guard_config))
        replies = await self._start_handoffs(request, replies, stored)
        if stored:
            try:
                replies = await self.store.append(request.session, replies)
                await self.store.save_reply(request.session, request.client_id, replies)
                await self.store.touch(request.session)
            except StoreUnavailableError:
                logger.warning("widget replies not stored: the store went away")
        return {"messages": [{"id": None, **reply} for reply in replies], "user_message": user, "duplicate": False}

    async def _relay_to_caseworker(self, request: MessageRequest) -> dict[str, Any] | None:
        """In a handed-off conversation the message goes to the caseworker, not the bot; a crisis
        still gets the crisis answer at once, and the ticket becomes urgent."""
        if self.handoff is None:
            return None
        message = user_message(request)
        relayed = await self.handoff.relay(request.session, message)
        if relayed is None:
            return None
        ticket_id, message_id = relayed
        replies: list[dict[str, Any]] = []
        signal = detect_crisis(request.text)
        if signal is not None:
            await self.handoff.urgent_if_crisis(ticket_id)
            crisis = crisis_message(request.session, signal, reply_language(request.text, request.metadata))
            replies = await self.store.append(request.session, bot_messages([crisis]))
        else:
            ack = await self.handoff.acknowledgement(ticket_id, lambda: self.store.transcript.history(request.session))
            if ack is not None:
                replies = await self.store.append(request.session, [ack])
        await self.store.save_reply(request.session, request.client_id, replies)
        await self.store.touch(request.session)
        return {"messages": replies, "user_message": replace(message, id=message_id).to_json(), "duplicate": False, "relayed": ticket_id}

    async def _pickup(self, request: MessageRequest, user: dict[str, Any]) -> dict[str, Any] | None:
        """A pickup code typed into the chat shows the caseworker's answer to an earlier question."""
        code = pickup_code(request.text)
        if code is None or self.handoff is None:
            return None
        ticket = await self.handoff.store.by_pickup(code)
        if ticket is None:
            return None
        transcript = await self.store.transcript.history(ticket.session) if ticket.session else []
        # A code says nothing about language ("ax3v43eg" read as nynorsk by its "eg"): the widget's
        # language, else the one the question was asked in.
        lang = channel_language(request.metadata) or ticket.lang or DEFAULT_LANGUAGE
        answers = await self.handoff.pickup(code, lang, transcript) or []
        replies = await self.store.append(request.session, answers)
        await self.store.save_reply(request.session, request.client_id, replies)
        return {"messages": replies, "user_message": user, "duplicate": False}

    async def _start_handoffs(self, request: MessageRequest, replies: list[dict[str, Any]], stored: bool) -> list[dict[str, Any]]:
        """The bot asked for a handoff (`kind: handoff`): open the ticket and say what happens next."""
        result = []
        for reply in replies:
            if reply["custom"].get("kind") != "handoff":
                result.append(reply)
                continue
            lang = reply["custom"].get("lang", "nb")
            if self.handoff is None or not stored:
                result.append(unavailable_message(lang).to_json())
                continue
            try:
                history = await self.store.history(request.session)
                service = _last_service(history)
                started = await self.handoff.start(
                    request.session,
                    lang=lang,
                    service=service,
                    urgent=any((m.get("custom") or {}).get("kind") == "crisis" for m in history + replies),
                )
                result.append(started.message.to_json())
                if started.ticket is not None:
                    await self.store.record_handoff(started.ticket.team, service, started.ticket.priority, _last_question(history))
            except StoreUnavailableError:
                result.append(unavailable_message(lang).to_json())
        return result

    async def _earlier_reply(self, request: MessageRequest, earlier: StoredReply) -> dict[str, Any]:
        waited = 0.0
        while earlier.pending and waited < self.guard_config.timeout_seconds:
            await asyncio.sleep(PENDING_POLL_SECONDS)
            waited += PENDING_POLL_SECONDS
            earlier = await self.store.stored_reply(request.session, request.client_id)
        return {"messages": earlier.messages, "duplicate": True, "pending": earlier.pending}

    async def _release(self, request: MessageRequest) -> None:
        try:
            await self.store.release_reply(request.session, request.client_id)
        except StoreUnavailableError:
            pass

    async def history(self, session: str) -> dict[str, Any]:
        if not await self.store.session_exists(session):
            raise UnknownSessionError("This conversation has expired or was deleted.")
        return {"messages": await self.store.history(session)}

    async def typing(self, session: str) -> dict[str, Any]:
        """Whether a caseworker is typing a reply to `session` now: {"typing": bool, "name": str|None}.
        The widget asks every few seconds while a caseworker is in the conversation."""
        if not await self.store.session_exists(session):
            raise UnknownSessionError("This conversation has expired or was deleted.")
        name = await self.handoff.store.typing(session) if self.handoff is not None else None
        return {"typing": name is not None, "name": name}

    async def delete(self, session: str) -> dict[str, Any]:
        if self.handoff is not None:
            await self.handoff.store.withdraw(session)
        await self.store.delete_conversation(session)
        await self.limiter.forget(session)
        return {"deleted": True}

    async def feedback(self, body: bytes) -> dict[str, Any]:
        request = parse_feedback(body)
        if not await self.store.was_answered(request.session, request.entry_id):
            raise NotFoundError("That entry was not answered in this conversation.", code="unknown_entry")
        lang, question = None, ""
        if request.message_id:
            last_question = ""
            for message in await self.store.history(request.session, after=None):
                if message.get("role") == "user" and not (message.get("custom") or {}).get("payload"):
                    last_question = message.get("text") or ""
                if message["id"] == request.message_id:
                    lang, question = (message.get("custom") or {}).get("lang"), last_question
        # The question is from the transcript, so already redacted; content owners see it when
        # an answer got a thumbs down.
        await self.store.record_feedback(
            request.session, request.entry_id, request.vote, lang, question if request.vote == "down" else ""
        )
        return {"ok": True}

    async def stream(self, request: Request) -> None:
        session = session_id(request.args.get("session"))
        after = stream_id(request.headers.get("last-event-id") or request.args.get("after"))
        if not await self.store.session_exists(session):
            raise UnknownSessionError("This conversation has expired or was deleted.")
        if after is None:
            after = await self.store.last_id(session)
        address = client_address(request, self.config.trusted_proxies)
        slot = await self.slots.acquire(session, address)
        if slot is None:
            raise RateLimitedError(
                "Too many open streams for this conversation or address: close one first.",
                retry_after_seconds=self.config.stream_block_seconds,
            )
        try:
            stream = await request.respond(
                content_type="text/event-stream; charset=utf-8",
                headers={**self._cors(request), **SECURITY_HEADERS, "X-Accel-Buffering": "no"},
            )
            await stream.send("retry: 2000\n\n")
            # Registered before the catch-up read, so nothing written in between is lost.
            subscription = self.hub.subscribe(session, after)
            try:
                await self._relay(stream, subscription, address, slot)
            except StoreUnavailableError:
                logger.warning("widget stream closed: the store went away")  # the browser reconnects
            finally:
                self.hub.unsubscribe(subscription)
            await stream.eof()
        finally:
            await self.slots.release(session, address, slot)

    async def _relay(self, stream: Any, subscription: StreamSubscription, address: str, slot: str) -> None:
        session = subscription.session
        messages = subscription.fresh(await self.store.history(session, after=subscription.after))
        while True:
            for message in messages:
                data = json.dumps(message, ensure_ascii=False)
                await stream.send(f"id: {message['id']}\nevent: message\ndata: {data}\n\n")
            if not messages:
                if not await self.store.session_exists(session):
                    await stream.send("event: end\ndata: {}\n\n")
                    return
                await stream.send(": ping\n\n")
                await self.slots.refresh(session, address, slot)
            messages = await subscription.next(self.config.stream_block_seconds)

    # --- routes --------------------------------------------------------------------------------
    def _cors(self, request: Request) -> dict[str, str]:
        """CORS only for the sites configured to embed the widget (it sends no cookies)."""
        origin = (request.headers.get("origin") or "").rstrip("/")
        allowed = self.config.allowed_origins
        if not origin or not allowed:
            return {}
        if "*" in allowed:
            return {"Access-Control-Allow-Origin": "*"}
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin in allowed else {}

    def _json(self, request: Request, body: dict[str, Any], status: int = 200) -> HTTPResponse:
        return response.json(body, status=status, headers={**self._cors(request), **SECURITY_HEADERS})

    async def _answer(
        self, request: Request, handler: Callable[[], Awaitable[dict[str, Any]]], status: int = 200
    ) -> HTTPResponse:
        try:
            return self._json(request, await handler(), status)
        except ChannelError as exc:
            reply = exc.to_response()
            reply.headers.update({**self._cors(request), **SECURITY_HEADERS})
            return reply

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        widget = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @widget.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return self._json(request, {"status": "ok", "store": await self.store.ping()})

        @widget.route("/widget.js", methods=["GET"])
        async def script(request: Request) -> HTTPResponse:
            return response.raw(
                self.widget_js,
                content_type="application/javascript; charset=utf-8",
                headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300", "Cross-Origin-Resource-Policy": "cross-origin"},
            )

        @widget.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            return response.raw(self.demo_html, content_type="text/html; charset=utf-8", headers=DEMO_HEADERS)

        @widget.route("/session", methods=["POST"])
        async def new_session(request: Request) -> HTTPResponse:
            address = client_address(request, self.config.trusted_proxies)
            return await self._answer(request, lambda: self.create_session(address), status=201)

        @widget.route("/message", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            return await self._answer(
                request, lambda: self.receive_message(on_new_message, parse_message(request.body or b""))
            )

        @widget.route("/history", methods=["GET"])
        async def history(request: Request) -> HTTPResponse:
            return await self._answer(request, lambda: self.history(session_id(request.args.get("session"))))

        @widget.route("/typing", methods=["GET"])
        async def typing(request: Request) -> HTTPResponse:
            return await self._answer(request, lambda: self.typing(session_id(request.args.get("session"))))

        @widget.route("/delete", methods=["POST"])
        async def delete(request: Request) -> HTTPResponse:
            return await self._answer(request, lambda: self.delete(parse_session_only(request.body or b"")))

        @widget.route("/feedback", methods=["POST"])
        async def feedback(request: Request) -> HTTPResponse:
            return await self._answer(request, lambda: self.feedback(request.body or b""))

        @widget.route("/stream", methods=["GET"])
        async def stream(request: Request):
            try:
                await self.stream(request)
            except ChannelError as exc:
                reply = exc.to_response()
                reply.headers.update(self._cors(request))
                return reply
            except (asyncio.CancelledError, ConnectionError):
                raise
            return None

        return widget
