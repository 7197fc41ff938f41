"""The conversation transcript: what the young person saw, one message at a time, in Redis.

One owner for the shape of a message and for the stream that keeps them. The widget writes the
young person's messages and the bot's; the handoff writes the caseworker's replies and the closing
message (the console), relays the young person's messages while a ticket is open (a Lua script in
`handoff/tickets.py`, which stores `TranscriptMessage.encode()`), and reads a transcript back for
a pickup code. Text is redacted before a message is built, never here.

    uv:widget:log:<session>   stream of {"m": a message's JSON without its id}   expires with the conversation

A message's wire shape (`to_json()`, what the widget and the console receive):

    {"role": "user" | "bot" | "agent", "text": str, "buttons": [{"title", "payload"}, ...],
     "custom": {...}, "ts": int (ms since the epoch), "id": "<ms>-<seq>" | None}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

import redis.asyncio as aioredis

from common import redis_keys
from common.clock import now_ms

from .errors import store_call
from .settings import Settings

ROLES = ("user", "bot", "agent")
DAY_SECONDS = 24 * 60 * 60
# A message's stream id, matched whole (fullmatch, \Z) before it reaches Redis.
STREAM_ID_PATTERN = re.compile(r"[0-9]{1,20}-[0-9]{1,20}\Z")
DEFAULT_MAX_MESSAGES = 500


@dataclass(frozen=True)
class TranscriptMessage:
    role: str
    text: str
    buttons: list[dict[str, Any]] = field(default_factory=list)
    custom: dict[str, Any] = field(default_factory=dict)
    # Milliseconds since the epoch; None only for a message someone wrote without one (the store
    # stamps every message it appends).
    ts: int | None = None
    # The stream id once stored ("1764288000000-0"); None before, or when stored nowhere.
    id: str | None = None

    @classmethod
    def bot(cls, text: str, custom: Mapping[str, Any], buttons: Iterable[dict[str, Any]] = ()) -> "TranscriptMessage":
        """A bot message, stamped now."""
        return cls("bot", text, list(buttons), dict(custom), now_ms())

    @classmethod
    def from_reply(cls, reply: Mapping[str, Any]) -> "TranscriptMessage":
        """One of Rasa's replies (`text`, `buttons`, `custom`, any of them missing) as a bot message."""
        return cls.bot(reply.get("text") or "", reply.get("custom") or {}, reply.get("buttons") or [])

    @classmethod
    def user(cls, text: str, custom: Mapping[str, Any]) -> "TranscriptMessage":
        """The young person's message (already redacted), stamped now."""
        return cls("user", text, [], dict(custom), now_ms())

    @classmethod
    def agent(cls, text: str, custom: Mapping[str, Any]) -> "TranscriptMessage":
        """A caseworker's reply; the store stamps it when it is appended."""
        return cls("agent", text, [], dict(custom))

    @classmethod
    def from_json(cls, data: Mapping[str, Any], message_id: str | None = None) -> "TranscriptMessage":
        """A message from its wire shape; `message_id` (a stream id) wins over `data["id"]`."""
        ts = data.get("ts")
        return cls(
            role=str(data.get("role") or ""),
            text=data.get("text") or "",
            buttons=list(data.get("buttons") or []),
            custom=dict(data.get("custom") or {}),
            ts=int(ts) if ts else None,
            id=message_id if message_id is not None else data.get("id"),
        )

    @classmethod
    def of(cls, message: "TranscriptMessage | Mapping[str, Any]") -> "TranscriptMessage":
        return message if isinstance(message, TranscriptMessage) else cls.from_json(message)

    def stamped(self, ts: int | None = None) -> "TranscriptMessage":
        """This message with a time (now, unless given) when it has none."""
        return self if self.ts else replace(self, ts=ts or now_ms())

    def copied(self) -> "TranscriptMessage":
        """A copy to append to another transcript: stamped now, without its old id."""
        return replace(self, ts=now_ms(), id=None)

    def to_json(self) -> dict[str, Any]:
        """The wire shape (module docstring); `ts` is left out only when the message has none."""
        data: dict[str, Any] = {"role": self.role, "text": self.text, "buttons": self.buttons, "custom": self.custom}
        if self.ts is not None:
            data["ts"] = self.ts
        data["id"] = self.id
        return data

    def encode(self) -> str:
        """The stream entry's `m` field: the wire shape without the id."""
        stored = self.to_json()
        del stored["id"]
        return json.dumps(stored, ensure_ascii=False)


@dataclass(frozen=True)
class TranscriptConfig:
    # A transcript expires this long after its last write, like the Rasa tracker (TRACKER_TTL_SECONDS).
    ttl_seconds: int = DAY_SECONDS
    # The newest this many messages are kept (approximately).
    max_messages: int = DEFAULT_MAX_MESSAGES

    @classmethod
    def from_settings(cls, settings: "Settings | Mapping[str, Any] | None") -> "TranscriptConfig":
        return cls(ttl_seconds=Settings.of(settings).get("ttl_seconds", "TRACKER_TTL_SECONDS", DAY_SECONDS, int))


def decode_entry(message_id: str, fields: Mapping[str, str]) -> TranscriptMessage:
    """A stream entry (`XRANGE`/`XREAD` row) as a message with its id."""
    return TranscriptMessage.from_json(json.loads(fields["m"]), message_id)


class TranscriptStore:
    """Transcripts in Redis. Every method raises `connectors.errors.StoreUnavailableError` when
    Redis is away."""

    def __init__(self, client: aioredis.Redis, *, ttl_seconds: int, max_messages: int = DEFAULT_MAX_MESSAGES) -> None:
        """`ttl_seconds`: a transcript expires this long after its last write (as trackers do);
        `max_messages`: the newest this many are kept (approximately)."""
        self._redis = client
        self._ttl = ttl_seconds
        self.max_messages = max_messages

    @classmethod
    def from_config(cls, client: aioredis.Redis, config: TranscriptConfig) -> "TranscriptStore":
        return cls(client, ttl_seconds=config.ttl_seconds, max_messages=config.max_messages)

    @staticmethod
    def key(session: str) -> str:
        return redis_keys.transcript(session)

    async def _call(self, operation: Any) -> Any:
        return await store_call(operation, "conversation")

    def queue_append(self, pipe: Any, session: str, messages: Iterable["TranscriptMessage | Mapping[str, Any]"]) -> list[TranscriptMessage]:
        """Queue the writes of `messages` (in order, stamped) on `pipe`, a Redis pipeline the
        caller executes; the ids are the pipeline's first `len(result)` results."""
        stored = [TranscriptMessage.of(message).stamped() for message in messages]
        for message in stored:
            pipe.xadd(self.key(session), {"m": message.encode()}, maxlen=self.max_messages, approximate=True)
        if stored:
            pipe.expire(self.key(session), self._ttl)
        return stored

    async def append(self, session: str, messages: Iterable["TranscriptMessage | Mapping[str, Any]"]) -> list[TranscriptMessage]:
        """Store messages in order; returns them stamped and with their stream ids."""
        async with self._redis.pipeline(transaction=True) as pipe:
            stored = self.queue_append(pipe, session, messages)
            if not stored:
                return []
            results = await self._call(pipe.execute())
        return [replace(message, id=message_id) for message, message_id in zip(stored, results)]

    async def history(self, session: str, after: str | None = None) -> list[TranscriptMessage]:
        """Every message after the stream id `after` (None: from the start), oldest first."""
        start = f"({after}" if after else "-"
        entries = await self._call(self._redis.xrange(self.key(session), min=start, max="+"))
        return [decode_entry(message_id, fields) for message_id, fields in entries]

    async def last_id(self, session: str) -> str:
        """The newest message's stream id, or "0-0" for an empty transcript."""
        entries = await self._call(self._redis.xrevrange(self.key(session), count=1))
        return entries[0][0] if entries else "0-0"
