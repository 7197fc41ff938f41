"""Widget conversations in Redis: sessions, idempotent replies, answered entries (for feedback),
and the feedback counts content owners read; the transcript is `connectors/transcript.py`'s.

Every key of a conversation expires with it; `delete_conversation` removes them all, the Rasa
tracker included. Feedback keeps only the entry id, the vote, the language and the time.

    uv:widget:session:<sid>            "1"                      expires
    uv:widget:log:<sid>                the transcript (connectors/transcript.py)  expires
    uv:widget:reply:<sid>:<client_id>  json list | "pending"    expires
    uv:widget:entries:<sid>            set of entry ids         expires
    uv:widget:votes:<sid>              hash entry id -> "vote|log id"  expires (one vote per entry)
    uv:feedback:<entry_id>             hash {up, down}           expires after the insights retention
    uv:feedback:log                    stream of {entry_id, vote, lang, question, ts}, capped, trimmed by age
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, replace
from typing import Any, Awaitable, Callable, Mapping, Sequence

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from common import redis_keys
from common.clock import now_ms

from ..errors import StoreUnavailableError, store_call
from ..transcript import TranscriptMessage, TranscriptStore
from .config import DAY_SECONDS, WidgetConfig

PREFIX = "uv:widget"

# One vote per conversation and entry; a second vote replaces the first (its count and its log
# row). KEYS[1] the session's votes, KEYS[2] the entry's counts, KEYS[3] the feedback log.
# ARGV: entry id, vote, lang, question, ts, log max length, counts ttl, votes ttl, oldest kept id.
# Returns 0 when the vote is the one already given, 1 otherwise.
_VOTE = """
local previous = redis.call('HGET', KEYS[1], ARGV[1])
if previous then
  local vote, id = string.match(previous, '([^|]+)|(.+)')
  if vote == ARGV[2] then return 0 end
  redis.call('HINCRBY', KEYS[2], vote, -1)
  redis.call('XDEL', KEYS[3], id)
end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('EXPIRE', KEYS[2], ARGV[7])
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*',
  'entry_id', ARGV[1], 'vote', ARGV[2], 'lang', ARGV[3], 'question', ARGV[4], 'ts', ARGV[5])
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[9])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. id)
redis.call('EXPIRE', KEYS[1], ARGV[8])
return 1
"""
PENDING = "pending"
FEEDBACK_LOG_MAX = 100_000
# Feedback and handoff logs for content owners are kept this long (the KB reads the same window).


@dataclass(frozen=True)
class StoredReply:
    pending: bool
    messages: list[dict[str, Any]]


def new_session_id() -> str:
    return secrets.token_urlsafe(24)  # 32 characters, 192 bits


class WidgetStore:
    def __init__(self, client: aioredis.Redis, config: WidgetConfig) -> None:
        self._redis = client
        self._config = config
        self._ttl = config.ttl_seconds
        self._insights_retention_seconds = config.insights_retention_days * DAY_SECONDS
        # Other parts of the product (the handoff queue) register keys that belong to a session.
        self._extra_keys: list[Callable[[str], list[str]]] = []
        self._vote = client.register_script(_VOTE)
        self.transcript = TranscriptStore(client, ttl_seconds=config.ttl_seconds, max_messages=config.max_transcript_messages)

    @classmethod
    def connect(cls, config: WidgetConfig) -> "WidgetStore":
        # Reads block on the event stream for up to stream_block_seconds: the timeout allows that.
        return cls(config.redis.connect(socket_timeout=config.stream_block_seconds + 5), config)

    @property
    def client(self) -> aioredis.Redis:
        return self._redis

    def register_conversation_keys(self, keys_for_session: Callable[[str], list[str]]) -> None:
        self._extra_keys.append(keys_for_session)

    async def _call(self, operation: Awaitable[Any]) -> Any:
        return await store_call(operation, "conversation")

    # --- sessions ----------------------------------------------------------------------------
    async def create_session(self) -> str:
        session = new_session_id()
        await self._call(self._redis.set(f"{PREFIX}:session:{session}", "1", ex=self._ttl))
        return session

    async def session_exists(self, session: str) -> bool:
        return bool(await self._call(self._redis.exists(f"{PREFIX}:session:{session}")))

    async def touch(self, session: str) -> None:
        keys = [f"{PREFIX}:session:{session}", self.transcript.key(session), f"{PREFIX}:entries:{session}"]
        async with self._redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.expire(key, self._ttl)
            await self._call(pipe.execute())

    # --- transcript --------------------------------------------------------------------------
    async def append(self, session: str, messages: Sequence[TranscriptMessage | Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Store messages in order, and note the entries answered (for feedback), in one
        transaction; returns them in their wire shape, with stream ids and timestamps."""
        if not messages:
            return []
        async with self._redis.pipeline(transaction=True) as pipe:
            stored = self.transcript.queue_append(pipe, session, messages)
            entries = [m.custom["entry_id"] for m in stored if _is_answer(m)]
            if entries:
                pipe.sadd(f"{PREFIX}:entries:{session}", *entries)
                pipe.expire(f"{PREFIX}:entries:{session}", self._ttl)
            results = await self._call(pipe.execute())
        return [replace(message, id=message_id).to_json() for message, message_id in zip(stored, results)]

    async def history(self, session: str, after: str | None = None) -> list[dict[str, Any]]:
        """The transcript after the stream id `after` (None: all of it), in its wire shape."""
        return [message.to_json() for message in await self.transcript.history(session, after)]

    async def last_id(self, session: str) -> str:
        return await self.transcript.last_id(session)

    # --- idempotent replies ------------------------------------------------------------------
    async def claim_reply(self, session: str, client_id: str) -> StoredReply | None:
        """None if this message is new (and now claimed), else what was (or is being) answered."""
        key = f"{PREFIX}:reply:{session}:{client_id}"
        if await self._call(self._redis.set(key, PENDING, ex=self._ttl, nx=True)):
            return None
        return _stored_reply(await self._call(self._redis.get(key)))

    async def stored_reply(self, session: str, client_id: str) -> StoredReply:
        return _stored_reply(await self._call(self._redis.get(f"{PREFIX}:reply:{session}:{client_id}")))

    async def save_reply(self, session: str, client_id: str, messages: list[dict[str, Any]]) -> None:
        key = f"{PREFIX}:reply:{session}:{client_id}"
        await self._call(self._redis.set(key, json.dumps(messages, ensure_ascii=False), ex=self._ttl))

    async def release_reply(self, session: str, client_id: str) -> None:
        await self._call(self._redis.delete(f"{PREFIX}:reply:{session}:{client_id}"))

    # --- feedback ----------------------------------------------------------------------------
    async def was_answered(self, session: str, entry_id: str) -> bool:
        return bool(await self._call(self._redis.sismember(f"{PREFIX}:entries:{session}", entry_id)))

    async def record_feedback(self, session: str, entry_id: str, vote: str, lang: str | None, question: str = "") -> bool:
        """Count `vote` for `entry_id`, once per conversation: a second vote on the same entry
        replaces the first (its count and its log row). False when it repeats the vote given."""
        changed = await self._call(self._vote(
            keys=[f"{PREFIX}:votes:{session}", redis_keys.feedback_counts(entry_id), redis_keys.FEEDBACK_LOG],
            args=[entry_id, vote, lang or "", question, str(now_ms()), FEEDBACK_LOG_MAX,
                  self._insights_retention_seconds, self._ttl, self._oldest_kept_id()],
        ))
        return bool(changed)

    async def record_handoff(self, team: str, service: str | None, priority: str, question: str) -> None:
        """For content owners: which questions ended with a person (no session, redacted text)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.xadd(
                redis_keys.HANDOFF_LOG,
                {"team": team, "service": service or "", "priority": priority, "question": question, "ts": str(now_ms())},
                maxlen=FEEDBACK_LOG_MAX,
                approximate=True,
            )
            pipe.xtrim(redis_keys.HANDOFF_LOG, minid=self._oldest_kept_id(), approximate=False)
            await self._call(pipe.execute())

    def _oldest_kept_id(self) -> str:
        """Stream ids start with their time in ms: everything older than the retention goes."""
        return str(now_ms() - self._insights_retention_seconds * 1000)

    async def feedback_counts(self, entry_id: str) -> dict[str, int]:
        counts = await self._call(self._redis.hgetall(redis_keys.feedback_counts(entry_id)))
        return {vote: int(counts.get(vote, 0)) for vote in ("up", "down")}

    # --- deleting ----------------------------------------------------------------------------
    async def delete_conversation(self, session: str) -> int:
        keys = [
            f"{PREFIX}:session:{session}",
            self.transcript.key(session),
            f"{PREFIX}:entries:{session}",
            f"{PREFIX}:votes:{session}",
            f"{self._config.tracker_key_prefix}{session}",
        ]
        for keys_for_session in self._extra_keys:
            keys.extend(keys_for_session(session))
        replies = self._redis.scan_iter(match=f"{PREFIX}:reply:{session}:*", count=500)
        try:
            keys.extend([key async for key in replies])
        except (RedisError, OSError) as exc:
            raise StoreUnavailableError("The conversation store is unavailable.") from exc
        return int(await self._call(self._redis.delete(*keys)))

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._redis.close()


def _is_answer(message: TranscriptMessage) -> bool:
    return message.custom.get("kind") == "answer" and isinstance(message.custom.get("entry_id"), str)


def _stored_reply(value: str | None) -> StoredReply:
    if value is None or value == PENDING:
        return StoredReply(pending=True, messages=[])
    return StoredReply(pending=False, messages=json.loads(value))
