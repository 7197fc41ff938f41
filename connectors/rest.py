"""Rasa's REST channel at its usual URL, /webhooks/rest/webhook, made safe to face the public.

Compared with Rasa's RestInput it validates the body (clear 4xx errors), returns each bot turn as
one message with its custom payload, never logs message text, and never answers with silence:
when the pipeline fails or times out, the young person still gets a helpful fallback.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .errors import ChannelError
from .incoming import IncomingMessage, parse_body
from .output import TurnCollectingOutputChannel
from .safety_net import silence_fallback

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 20.0


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "GuardedRestInput":
        credentials = credentials or {}
        timeout = credentials.get("timeout_seconds") or os.environ.get(
            "BOT_REPLY_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS
        )
        return cls(timeout_seconds=float(timeout))

    def __init__(self, timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.timeout_seconds = timeout_seconds

    async def handle(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        incoming: IncomingMessage,
    ) -> list[dict[str, Any]]:
        collector = TurnCollectingOutputChannel()
        message = UserMessage(
            incoming.text,
            collector,
            incoming.sender,
            input_channel=self.name(),
            metadata=incoming.metadata,
        )
        # Shielded: on a timeout the turn still finishes and is stored; we just stop waiting.
        processing = asyncio.ensure_future(on_new_message(message))
        try:
            await asyncio.wait_for(asyncio.shield(processing), timeout=self.timeout_seconds)
        except asyncio.TimeoutError:
            logger.error("bot reply timed out after %.1f s", self.timeout_seconds)
            return [silence_fallback(incoming.sender)]
        except Exception as exc:  # the message text is never logged
            logger.error("bot pipeline failed: %s", type(exc).__name__)
            return [silence_fallback(incoming.sender)]
        return collector.messages or [silence_fallback(incoming.sender)]

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                incoming = parse_body(request.body or b"")
            except ChannelError as exc:
                return exc.to_response()
            return response.json(await self.handle(on_new_message, incoming))

        return webhook
