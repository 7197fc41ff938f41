"""Handoff tickets in Redis. Every change is one Redis command or one Lua script, so two
caseworkers claiming at once, or a young person writing while the ticket is handed back, can
never leave a ticket half-changed. Redis runs with AOF, so a restart loses nothing.

    uv:handoff:ticket:<id>        hash: id, session, team, service, lang, priority, status
                                  (queued|claimed|closed), created, updated, claimed_by,
                                  claimed_at, outcome, pickup, offline, queue_score
    uv:handoff:queue:<team>       sorted set of queued ids: urgent first, then oldest
    uv:handoff:claimed            set of claimed ids (for the disconnect sweep)
    uv:handoff:active:<session>   the open ticket a session's messages go to (live relay)
    uv:handoff:notes:<id>         list of private notes (json)
    uv:handoff:events:<id>        list of ticket changes (json): created, claimed, transfer, ...
    uv:handoff:pickup:<code>      ticket id, for reading the answer later
    uv:caseworker:seen            hash: username -> last heartbeat (ms)
    uv:handoff:typing:<session>   the caseworker's first name while they type a reply, for a few
                                  seconds (the widget shows "Kari skriver ..."); no text
The transcript is the conversation's own (`connectors/transcript.py`), already redacted; the
close and relay scripts append to it in the same step as they change the ticket.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from typing import Any, Mapping

import redis.asyncio as aioredis

from common.clock import now_ms

from ..errors import ForbiddenError, TicketError, store_call
from ..transcript import DEFAULT_MAX_MESSAGES, TranscriptMessage, TranscriptStore

P = "uv:handoff"
# How long a typing mark lasts: the console renews it every few seconds while the caseworker types.
TYPING_SECONDS = 6
# A ticket id: 12 hex digits (secrets.token_hex(6)), matched whole before it names a Redis key.
TICKET_ID_PATTERN = re.compile(r"[0-9a-f]{12}\Z")
PRIORITIES = ("urgent", "normal")
STATUSES = ("queued", "claimed", "closed")
OUTCOMES = ("answered", "referred", "handed_back", "no_response", "other")
PICKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def queue_score(priority: str, created: int) -> float:
    return (0 if priority == "urgent" else 1) * 10**13 + created


def new_pickup_code() -> str:
    raw = "".join(secrets.choice(PICKUP_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


@dataclass(frozen=True)
class Ticket:
    id: str
    session: str
    team: str
    service: str
    lang: str
    priority: str
    status: str
    created: int
    updated: int
    claimed_by: str = ""
    claimed_at: int = 0
    outcome: str = ""
    pickup: str = ""
    offline: bool = False

    @classmethod
    def from_hash(cls, data: dict[str, str]) -> "Ticket":
        return cls(
            id=data["id"], session=data["session"], team=data["team"], service=data.get("service", ""),
            lang=data.get("lang", "nb"), priority=data["priority"], status=data["status"],
            created=int(data["created"]), updated=int(data.get("updated") or data["created"]),
            claimed_by=data.get("claimed_by", ""), claimed_at=int(data.get("claimed_at") or 0),
            outcome=data.get("outcome", ""), pickup=data.get("pickup", ""), offline=data.get("offline") == "1",
        )

    def to_json(self, now: int | None = None, urgent_alert_ms: int | None = None) -> dict[str, Any]:
        now = now or now_ms()
        waiting = max(0, now - self.created) // 1000
        overdue = bool(
            urgent_alert_ms is not None and self.status == "queued" and self.priority == "urgent"
            and now - self.created > urgent_alert_ms
        )
        return {
            "id": self.id, "team": self.team, "service": self.service, "lang": self.lang,
            "priority": self.priority, "status": self.status, "created": self.created,
            "waiting_seconds": waiting, "overdue": overdue, "claimed_by": self.claimed_by,
            "outcome": self.outcome, "offline": self.offline,
        }


# KEYS[1] ticket, KEYS[2] claimed set; ARGV: ticket id, user, now, teams (json)
CLAIM = """
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 'taken' end
local team = redis.call('HGET', KEYS[1], 'team')
local allowed = false
for _, t in ipairs(cjson.decode(ARGV[4])) do if t == team then allowed = true end end
if not allowed then return 'forbidden' end
redis.call('HSET', KEYS[1], 'status', 'claimed', 'claimed_by', ARGV[2], 'claimed_at', ARGV[3], 'updated', ARGV[3])
redis.call('ZREM', 'uv:handoff:queue:' .. team, ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
return 'ok'
"""

# Back to the queue. KEYS[1] ticket, KEYS[2] claimed set; ARGV: id, now, expected claimer ('' = any)
RELEASE = """
if redis.call('HGET', KEYS[1], 'status') ~= 'claimed' then return 0 end
if ARGV[3] ~= '' and redis.call('HGET', KEYS[1], 'claimed_by') ~= ARGV[3] then return 0 end
local team = redis.call('HGET', KEYS[1], 'team')
local score = redis.call('HGET', KEYS[1], 'queue_score')
redis.call('HSET', KEYS[1], 'status', 'queued', 'claimed_by', '', 'claimed_at', '0', 'updated', ARGV[2])
redis.call('ZADD', 'uv:handoff:queue:' .. team, score, ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
"""

# KEYS[1] ticket, KEYS[2] claimed set; ARGV: id, now, user, new team
TRANSFER = """
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'closed' or not status then return 'closed' end
if status == 'claimed' and redis.call('HGET', KEYS[1], 'claimed_by') ~= ARGV[3] then return 'not_yours' end
local old = redis.call('HGET', KEYS[1], 'team')
redis.call('ZREM', 'uv:handoff:queue:' .. old, ARGV[1])
local score = redis.call('HGET', KEYS[1], 'queue_score')
redis.call('HSET', KEYS[1], 'team', ARGV[4], 'status', 'queued', 'claimed_by', '', 'claimed_at', '0', 'updated', ARGV[2])
redis.call('ZADD', 'uv:handoff:queue:' .. ARGV[4], score, ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 'ok'
"""

# Escalate a ticket nobody claimed: KEYS[1] ticket; ARGV: id, now, from team, to team. Only a
# ticket still queued on `from` moves (a claim or another instance's escalation wins).
ESCALATE = """
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 'not_queued' end
if redis.call('HGET', KEYS[1], 'team') ~= ARGV[3] then return 'moved' end
local score = redis.call('HGET', KEYS[1], 'queue_score')
redis.call('ZREM', 'uv:handoff:queue:' .. ARGV[3], ARGV[1])
redis.call('HSET', KEYS[1], 'team', ARGV[4], 'updated', ARGV[2], 'escalated_from', ARGV[3])
redis.call('ZADD', 'uv:handoff:queue:' .. ARGV[4], score, ARGV[1])
return 'ok'
"""

# Close (and stop the live relay). KEYS[1] ticket, KEYS[2] claimed set, KEYS[3] active key,
# KEYS[4] the transcript; ARGV: id, now, user, outcome, seen (last message id the caseworker saw,
# '' = do not check), closing message json ('' = none), log max length
CLOSE = """
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'claimed' then return {'not_claimed'} end
if redis.call('HGET', KEYS[1], 'claimed_by') ~= ARGV[3] then return {'not_yours'} end
if ARGV[5] ~= '' then
  local newer = redis.call('XRANGE', KEYS[4], '(' .. ARGV[5], '+')
  for _, entry in ipairs(newer) do
    local message = cjson.decode(entry[2][2])
    if message['role'] == 'user' then return {'new_message', entry[1]} end
  end
end
redis.call('HSET', KEYS[1], 'status', 'closed', 'outcome', ARGV[4], 'updated', ARGV[2], 'closed_at', ARGV[2])
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
if ARGV[6] ~= '' then
  local id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[7], '*', 'm', ARGV[6])
  return {'ok', id}
end
return {'ok'}
"""

# The live relay. KEYS[1] active key, KEYS[2] the transcript; ARGV: message json, log max length,
# now. Returns {ticket id, message id} when the session is handed off, else nothing.
RELAY = """
local id = redis.call('GET', KEYS[1])
if not id then return false end
local ticket = 'uv:handoff:ticket:' .. id
local status = redis.call('HGET', ticket, 'status')
if not status or status == 'closed' then redis.call('DEL', KEYS[1]); return false end
local message_id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[1])
redis.call('HSET', ticket, 'updated', ARGV[3], 'last_user', ARGV[3])
return {id, message_id}
"""


class TicketStore:
    def __init__(self, client: aioredis.Redis, *, ttl_seconds: int, closed_ttl_seconds: int, log_max: int = DEFAULT_MAX_MESSAGES) -> None:
        self._redis = client
        self._ttl = ttl_seconds
        self._closed_ttl = closed_ttl_seconds
        self._log_max = log_max
        self._claim = client.register_script(CLAIM)
        self._release = client.register_script(RELEASE)
        self._transfer = client.register_script(TRANSFER)
        self._escalate = client.register_script(ESCALATE)
        self._close = client.register_script(CLOSE)
        self._relay = client.register_script(RELAY)

    @property
    def client(self) -> aioredis.Redis:
        return self._redis

    async def _call(self, operation):
        return await store_call(operation, "handoff")

    @staticmethod
    def keys_for_session(session: str) -> list[str]:
        return [f"{P}:active:{session}", f"{P}:typing:{session}"]

    # --- creating and reading ------------------------------------------------------------------
    async def create(
        self, *, session: str, team: str, service: str, lang: str, priority: str, offline: bool, now: int | None = None
    ) -> Ticket:
        now = now or now_ms()
        ticket_id = secrets.token_hex(6)
        pickup = new_pickup_code()
        fields = {
            "id": ticket_id, "session": session, "team": team, "service": service or "", "lang": lang,
            "priority": priority, "status": "queued", "created": str(now), "updated": str(now),
            "pickup": pickup, "offline": "1" if offline else "0",
            # Kept on the ticket, so the Lua scripts that put it back in a queue use this score.
            "queue_score": str(queue_score(priority, now)),
        }
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(f"{P}:ticket:{ticket_id}", mapping=fields)
            pipe.expire(f"{P}:ticket:{ticket_id}", self._ttl)
            pipe.zadd(f"{P}:queue:{team}", {ticket_id: fields["queue_score"]})
            pipe.set(f"{P}:active:{session}", ticket_id, ex=self._ttl)
            pipe.set(f"{P}:pickup:{pickup}", ticket_id, ex=self._ttl)
            pipe.rpush(f"{P}:events:{ticket_id}", json.dumps({"event": "created", "ts": now, "team": team, "priority": priority}))
            pipe.expire(f"{P}:events:{ticket_id}", self._ttl)
            await self._call(pipe.execute())
        return Ticket.from_hash(fields)

    async def get(self, ticket_id: str) -> Ticket | None:
        data = await self._call(self._redis.hgetall(f"{P}:ticket:{ticket_id}"))
        return Ticket.from_hash(data) if data else None

    async def get_many(self, ticket_ids: list[str]) -> list[Ticket | None]:
        """Several tickets in one round trip; None where a ticket has expired."""
        if not ticket_ids:
            return []
        pipe = self._redis.pipeline(transaction=False)
        for ticket_id in ticket_ids:
            pipe.hgetall(f"{P}:ticket:{ticket_id}")
        rows = await self._call(pipe.execute())
        return [Ticket.from_hash(data) if data else None for data in rows]

    async def active_ticket(self, session: str) -> Ticket | None:
        ticket_id = await self._call(self._redis.get(f"{P}:active:{session}"))
        ticket = await self.get(ticket_id) if ticket_id else None
        return ticket if ticket and ticket.status != "closed" else None

    async def by_pickup(self, code: str) -> Ticket | None:
        ticket_id = await self._call(self._redis.get(f"{P}:pickup:{code}"))
        return await self.get(ticket_id) if ticket_id else None

    async def queue(self, teams: list[str]) -> list[Ticket]:
        tickets = []
        for team in teams:
            ids = await self._call(self._redis.zrange(f"{P}:queue:{team}", 0, -1))
            found = await self.get_many(ids)
            expired = [ticket_id for ticket_id, ticket in zip(ids, found) if ticket is None]
            if expired:  # drop the stale queue entries
                await self._call(self._redis.zrem(f"{P}:queue:{team}", *expired))
            tickets.extend(ticket for ticket in found if ticket is not None and ticket.status == "queued")
        return sorted(tickets, key=lambda t: queue_score(t.priority, t.created))

    async def position(self, ticket: Ticket) -> int:
        rank = await self._call(self._redis.zrank(f"{P}:queue:{ticket.team}", ticket.id))
        return 0 if rank is None else int(rank)

    async def claimed_by(self, user: str) -> list[Ticket]:
        ids = await self._call(self._redis.smembers(f"{P}:claimed"))
        tickets = await self.get_many(sorted(ids))
        return sorted((t for t in tickets if t and t.claimed_by == user), key=lambda t: t.created)

    # --- changing -------------------------------------------------------------------------------
    async def _event(self, ticket_id: str, event: dict[str, Any]) -> None:
        await self._call(self._redis.rpush(f"{P}:events:{ticket_id}", json.dumps(event, ensure_ascii=False)))

    async def claim(self, ticket_id: str, user: str, teams: list[str], now: int | None = None) -> Ticket:
        now = now or now_ms()
        result = await self._call(
            self._claim(keys=[f"{P}:ticket:{ticket_id}", f"{P}:claimed"], args=[ticket_id, user, now, json.dumps(teams)])
        )
        if result == "forbidden":
            raise ForbiddenError("This ticket belongs to another team.")
        if result != "ok":
            raise TicketError("Someone else has claimed this ticket, or it is closed.", code="already_claimed")
        await self._event(ticket_id, {"event": "claimed", "by": user, "ts": now})
        return await self.get(ticket_id)

    async def release(self, ticket_id: str, *, expected_user: str = "", now: int | None = None, reason: str = "released") -> bool:
        now = now or now_ms()
        released = await self._call(
            self._release(keys=[f"{P}:ticket:{ticket_id}", f"{P}:claimed"], args=[ticket_id, now, expected_user])
        )
        if released:
            await self._event(ticket_id, {"event": reason, "ts": now, "by": expected_user})
        return bool(released)

    async def transfer(self, ticket_id: str, user: str, team: str, note: str, now: int | None = None) -> Ticket:
        now = now or now_ms()
        result = await self._call(
            self._transfer(keys=[f"{P}:ticket:{ticket_id}", f"{P}:claimed"], args=[ticket_id, now, user, team])
        )
        if result != "ok":
            raise TicketError("Only the caseworker who holds an open ticket can transfer it.", code=result)
        await self.add_note(ticket_id, user, f"Overført til {team}: {note}".strip(), now=now)
        await self._event(ticket_id, {"event": "transferred", "to": team, "by": user, "ts": now})
        return await self.get(ticket_id)

    async def escalate(self, teams: list[str], to_team: str, waited_ms: int, now: int | None = None) -> list[str]:
        """Move every ticket queued on `teams` for longer than `waited_ms` to `to_team`, urgent
        first, then oldest; returns the ids moved. One Lua script per ticket, so of several Rasa
        instances sweeping at once, one moves it."""
        now = now or now_ms()
        moved = []
        for ticket in await self.queue([team for team in teams if team != to_team]):
            if now - ticket.created <= waited_ms:
                continue
            result = await self._call(
                self._escalate(keys=[f"{P}:ticket:{ticket.id}"], args=[ticket.id, now, ticket.team, to_team])
            )
            if result == "ok":
                await self._event(ticket.id, {"event": "escalated", "from": ticket.team, "to": to_team, "ts": now})
                moved.append(ticket.id)
        return moved

    async def close(
        self, ticket: Ticket, user: str, outcome: str, *, seen: str | None = None,
        closing_message: TranscriptMessage | Mapping[str, Any] | None = None, now: int | None = None,
    ) -> str | None:
        """Close the ticket and end the relay; returns the closing message's id in the log.

        With `seen`, refuses (409 new_message) if the young person wrote after that message, so
        nothing they wrote during a hand-back goes unread."""
        now = now or now_ms()
        result = await self._call(
            self._close(
                keys=[f"{P}:ticket:{ticket.id}", f"{P}:claimed", f"{P}:active:{ticket.session}", TranscriptStore.key(ticket.session)],
                args=[ticket.id, now, user, outcome, seen or "",
                      TranscriptMessage.of(closing_message).encode() if closing_message else "", self._log_max],
            )
        )
        if result[0] == "new_message":
            raise TicketError("The young person has just written something: read it first.", code="new_message")
        if result[0] != "ok":
            raise TicketError("Only the caseworker who holds the ticket can close it.", code=result[0])
        async with self._redis.pipeline(transaction=False) as pipe:
            for key in (f"{P}:ticket:{ticket.id}", f"{P}:notes:{ticket.id}", f"{P}:events:{ticket.id}"):
                pipe.expire(key, self._closed_ttl)
            pipe.rpush(f"{P}:events:{ticket.id}", json.dumps({"event": "closed", "outcome": outcome, "by": user, "ts": now}))
            await self._call(pipe.execute())
        return result[1] if len(result) > 1 else None

    async def relay(self, session: str, message: TranscriptMessage | Mapping[str, Any], now: int | None = None) -> tuple[str, str] | None:
        """Append a young person's message to a handed-off conversation: (ticket id, the
        message's stream id), or None when it is not handed off."""
        result = await self._call(
            self._relay(
                keys=[f"{P}:active:{session}", TranscriptStore.key(session)],
                args=[TranscriptMessage.of(message).encode(), self._log_max, now or now_ms()],
            )
        )
        return (result[0], result[1]) if result else None

    async def set_typing(self, session: str, name: str, seconds: int = TYPING_SECONDS) -> None:
        """Mark that the caseworker `name` is typing a reply to `session`, for `seconds`."""
        await self._call(self._redis.set(f"{P}:typing:{session}", name, ex=seconds))

    async def clear_typing(self, session: str) -> None:
        await self._call(self._redis.delete(f"{P}:typing:{session}"))

    async def typing(self, session: str) -> str | None:
        """The name of the caseworker typing a reply to `session` now, or None."""
        value = await self._call(self._redis.get(f"{P}:typing:{session}"))
        return value.decode() if isinstance(value, bytes) else value

    async def raise_priority(self, ticket: Ticket) -> None:
        if ticket.priority == "urgent":
            return
        async with self._redis.pipeline(transaction=True) as pipe:
            score = queue_score("urgent", ticket.created)
            pipe.hset(f"{P}:ticket:{ticket.id}", mapping={"priority": "urgent", "queue_score": str(score)})
            if ticket.status == "queued":
                pipe.zadd(f"{P}:queue:{ticket.team}", {ticket.id: score})
            await self._call(pipe.execute())
        await self._event(ticket.id, {"event": "urgent", "ts": now_ms()})

    async def withdraw(self, session: str, now: int | None = None) -> str | None:
        """The young person deleted their conversation: close its open ticket and drop it from the queue."""
        ticket = await self.active_ticket(session)
        if ticket is None:
            return None
        now = now or now_ms()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(f"{P}:ticket:{ticket.id}", mapping={"status": "closed", "outcome": "deleted", "updated": str(now), "session": ""})
            pipe.zrem(f"{P}:queue:{ticket.team}", ticket.id)
            pipe.srem(f"{P}:claimed", ticket.id)
            pipe.delete(f"{P}:active:{session}", f"{P}:pickup:{ticket.pickup}")
            pipe.expire(f"{P}:ticket:{ticket.id}", self._closed_ttl)
            await self._call(pipe.execute())
        await self._event(ticket.id, {"event": "closed", "outcome": "deleted", "ts": now})
        return ticket.id

    # --- notes ----------------------------------------------------------------------------------
    async def add_note(self, ticket_id: str, user: str, text: str, now: int | None = None) -> None:
        note = {"by": user, "text": text, "ts": now or now_ms()}
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(f"{P}:notes:{ticket_id}", json.dumps(note, ensure_ascii=False))
            pipe.expire(f"{P}:notes:{ticket_id}", self._ttl)
            await self._call(pipe.execute())

    async def notes(self, ticket_id: str) -> list[dict[str, Any]]:
        return [json.loads(n) for n in await self._call(self._redis.lrange(f"{P}:notes:{ticket_id}", 0, -1))]

    async def events(self, ticket_id: str) -> list[dict[str, Any]]:
        return [json.loads(n) for n in await self._call(self._redis.lrange(f"{P}:events:{ticket_id}", 0, -1))]

    # --- presence and the disconnect sweep --------------------------------------------------
    async def heartbeat(self, user: str, teams: list[str], now: int | None = None) -> None:
        now = now or now_ms()
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hset("uv:caseworker:seen", user, now)
            for team in teams:
                pipe.zadd(f"uv:caseworker:online:{team}", {user: now})
            await self._call(pipe.execute())

    async def online_count(self, team: str, within_ms: int, now: int | None = None) -> int:
        now = now or now_ms()
        return int(await self._call(self._redis.zcount(f"uv:caseworker:online:{team}", now - within_ms, "+inf")))

    async def sweep(self, release_after_ms: int, now: int | None = None) -> list[str]:
        """Put back in the queue every claimed ticket whose caseworker has been gone too long."""
        now = now or now_ms()
        released = []
        seen = await self._call(self._redis.hgetall("uv:caseworker:seen"))
        ids = sorted(await self._call(self._redis.smembers(f"{P}:claimed")))
        for ticket_id, ticket in zip(ids, await self.get_many(ids)):
            if ticket is None:
                await self._call(self._redis.srem(f"{P}:claimed", ticket_id))
                continue
            last_seen = int(seen.get(ticket.claimed_by) or ticket.claimed_at or 0)
            if now - last_seen > release_after_ms and await self.release(
                ticket_id, expected_user=ticket.claimed_by, now=now, reason="released_on_disconnect"
            ):
                released.append(ticket_id)
        return released
