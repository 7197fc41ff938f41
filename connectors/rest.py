"""Rasa's REST channel at its usual URL, /webhooks/rest/webhook, made safe to face the public.

Compared with Rasa's RestInput it validates the body (clear 4xx errors), returns each bot turn as
one message with its custom payload, never logs message text, and never answers with silence
(see `guard.answer_safely`: crisis messages get the crisis answer even when the bot is down).
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from . import action_validation
from .errors import ChannelError
from .guard import GuardConfig, OnNewMessage, answer_safely
from .incoming import IncomingMessage, parse_body
from .settings import Settings
from .warm_up import warm_up_agent

DEFAULT_TIMEOUT_SECONDS = GuardConfig.timeout_seconds


def _without_live_handoff(reply: dict[str, Any]) -> dict[str, Any]:
    """REST has no way to push a caseworker's replies, so a handoff here is a referral to people
    who answer now (the bot's handoff text is written for exactly this case)."""
    custom = reply.get("custom") or {}
    if custom.get("kind") != "handoff":
        return reply
    return {**reply, "custom": {**custom, "kind": "referral", "reason": "handoff_unavailable"}}


# Our responses are JSON and say so; browsers must not guess otherwise (Rasa's own pages are its own).
NOSNIFF = {"X-Content-Type-Options": "nosniff"}


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "GuardedRestInput":
        # Rasa builds its channels once at start-up: the moment to compile the action-reply check.
        action_validation.install()
        settings = Settings(credentials)
        return cls(timeout_seconds=settings.get("timeout_seconds", "BOT_REPLY_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS, float))

    def __init__(self, timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.guard_config = GuardConfig(
            timeout_seconds=timeout_seconds,
            crisis_timeout_seconds=min(timeout_seconds, GuardConfig.crisis_timeout_seconds),
        )

    async def handle(
        self, on_new_message: OnNewMessage, incoming: IncomingMessage
    ) -> list[dict[str, Any]]:
        replies = await answer_safely(on_new_message, incoming, self.name(), self.guard_config)
        return [_without_live_handoff(reply) for reply in replies]

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        webhook.listener("after_server_start")(warm_up_agent)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"}, headers=NOSNIFF)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                incoming = parse_body(request.body or b"")
            except ChannelError as exc:
                reply = exc.to_response()
                reply.headers.update(NOSNIFF)
                return reply
            return response.json(await self.handle(on_new_message, incoming), headers=NOSNIFF)

        return webhook
