"""Runs one young person's message through the bot so that they always get an answer.

Every channel calls `answer_safely`. Before the bot sees the message, the crisis lexicon checks it
(no model, no network, no Redis). If the bot pipeline then fails, times out or stays silent, a
crisis message gets the crisis answer and anything else a helpful fallback; if the bot answered a
flagged message without the crisis answer, the crisis answer goes first. A check-in the bot chose
stays: the crisis classifier found the lexicon's match very unlikely ("knife slipped while carving
a pumpkin"), and the check-in still names 113 and Mental Helse and asks whether it is about them.
These replies are in the message's own language (or the channel's), since the conversation's may
be out of reach.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from common.redaction import redact

from .crisis import crisis_message, detect_crisis
from .incoming import IncomingMessage
from .language.choice import reply_language
from .output import TurnCollectingOutputChannel
from .safety_net import silence_fallback

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


@dataclass(frozen=True)
class GuardConfig:
    timeout_seconds: float = 20.0
    # A young person in danger must not wait long for a stuck pipeline.
    crisis_timeout_seconds: float = 5.0


def _collect_late_outcome(task: asyncio.Future) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("bot pipeline failed after the reply: %s", type(task.exception()).__name__)


# The bot's replies that settle a flagged message: the crisis answer, or a check-in it chose.
SETTLED_KINDS = frozenset({"crisis", "check_in"})


def _settled(messages: list[dict[str, Any]]) -> bool:
    return any((m.get("custom") or {}).get("kind") in SETTLED_KINDS for m in messages)


async def answer_safely(
    on_new_message: OnNewMessage,
    incoming: IncomingMessage,
    channel_name: str,
    config: GuardConfig,
) -> list[dict[str, Any]]:
    # Only the crisis answer is the guard's to give; a check-in is the bot's.
    signal = detect_crisis(incoming.text)
    collector = TurnCollectingOutputChannel()
    # The bot and the tracker store see the message without personal data; detection saw it whole.
    message = UserMessage(
        redact(incoming.text),
        collector,
        incoming.sender,
        input_channel=channel_name,
        metadata=incoming.metadata,
    )
    timeout = min(config.timeout_seconds, config.crisis_timeout_seconds) if signal else config.timeout_seconds
    # Shielded: on a timeout the turn still finishes and is stored; we only stop waiting for it.
    processing = asyncio.ensure_future(on_new_message(message))
    failed = False
    try:
        await asyncio.wait_for(asyncio.shield(processing), timeout=timeout)
    except asyncio.TimeoutError:
        logger.error("bot reply timed out after %.1f s", timeout)
        # The turn goes on; collect its outcome when it ends, so a late failure is not lost.
        processing.add_done_callback(_collect_late_outcome)
        failed = True
    except Exception as exc:  # the message text is never logged
        logger.error("bot pipeline failed: %s", type(exc).__name__)
        failed = True
    replies = [] if failed else list(collector.messages)

    if signal is not None and not _settled(replies):
        if replies:
            logger.warning("crisis flagged by the lexicon but not by the bot: category %s", signal.category)
        lang = reply_language(incoming.text, incoming.metadata)
        return [crisis_message(incoming.sender, signal, lang), *replies]
    return replies or [silence_fallback(incoming.sender, reply_language(incoming.text, incoming.metadata))]
