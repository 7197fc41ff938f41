"""Entries in Redis once the service runs: the published version every replica searches, the
working copy in the editorial workflow, every version, and an audit log. Publishing announces the
change on a pub/sub channel, so every replica re-indexes that entry at once.

    uv:kb:ids                    set of entry ids
    uv:kb:entry:<id>             json: the published entry (absent while never published)
    uv:kb:state:<id>             hash: status (draft|in_review|published|archived), author,
                                 reviewer, updated, version
    uv:kb:working:<id>           json: the draft or in-review copy, when there is one
    uv:kb:versions:<id>          list of json {version, status, who, when, action, code,
                                 restored_version?, entry}
    uv:kb:audit                  stream {who, action, entry_id, detail, ts, code, and the event's
                                 fields: status, version, restored_version, count, username,
                                 role, group_id}, capped
    channel uv:kb:changes        {"entry_id", "action": "publish"|"archive", "version"}

An audit event and a version say what happened as a code (`code`, one of AUDIT_CODES) and its
fields, for a client to word; `action` and `detail` keep the English text they always had ("revert
to version 3", "version 4", "12 entries"), for readers that predate the codes. Records written
before the codes have only the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from typing import Any

import redis.asyncio as aioredis

from common.clock import now_ms

from .content import Entry
from .errors import store_call

P = "uv:kb"
# Every Redis call of the content store: a failure is a 503 that names the Redis error.
_call = partial(store_call, store="content")
CHANGES_CHANNEL = f"{P}:changes"
AUDIT_MAX = 100_000
STATUSES = ("draft", "in_review", "published", "archived")
# What an audit event or a version can be: its `code`.
AUDIT_CODES = (
    "seed", "create", "edit", "submit", "reject", "publish", "archive", "revert",
    "add_user", "attach_question", "dismiss_question", "login_throttled",
)
# An audit event's fields besides its code, and those that are numbers (a stream holds strings:
# they are read back as ints).
AUDIT_FIELDS = ("status", "version", "restored_version", "count", "username", "role", "group_id")
AUDIT_NUMBERS = ("version", "restored_version", "count")


def action_text(code: str, restored_version: int | None = None) -> str:
    """The English `action` an event has always had: its code, or "revert to version N"."""
    return f"revert to version {restored_version}" if code == "revert" else code


def version_json(
    version: int, status: str, who: str, when: int, code: str, entry: Entry | None, restored_version: int | None = None,
) -> str:
    """One version: who made it and when, as `code` (and the English `action`), and the entry."""
    record: dict[str, Any] = {"version": version, "status": status, "who": who, "when": when,
                              "action": action_text(code, restored_version), "code": code}
    if restored_version is not None:
        record["restored_version"] = restored_version
    record["entry"] = json.loads(entry_json(entry)) if entry else None
    return json.dumps(record, ensure_ascii=False)


def _audit_row(row_id: str, fields: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": row_id, **fields}
    for name in AUDIT_NUMBERS:
        if name in row and row[name].isdigit():
            row[name] = int(row[name])
    return row


@dataclass(frozen=True)
class EntryState:
    entry_id: str
    status: str
    author: str
    reviewer: str
    updated: int
    version: int

    @classmethod
    def from_hash(cls, entry_id: str, data: dict[str, str]) -> "EntryState":
        return cls(
            entry_id=entry_id, status=data.get("status", "draft"), author=data.get("author", ""),
            reviewer=data.get("reviewer", ""), updated=int(data.get("updated") or 0), version=int(data.get("version") or 0),
        )

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "author": self.author, "reviewer": self.reviewer, "updated": self.updated, "version": self.version}


def entry_json(entry: Entry) -> str:
    return json.dumps(entry.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


@dataclass(frozen=True)
class EntryView:
    entry_id: str
    published: Entry | None
    working: Entry | None
    state: EntryState | None

    @property
    def current(self) -> Entry | None:
        """The copy being worked on if there is one, else the published one."""
        return self.working or self.published


class ContentStore:
    def __init__(self, client: aioredis.Redis) -> None:
        self._redis = client

    @property
    def client(self) -> aioredis.Redis:
        return self._redis

    # --- seeding and reading ------------------------------------------------------------------
    async def is_empty(self) -> bool:
        return not await _call(self._redis.exists(f"{P}:ids"))

    async def seed(self, entries: list[Entry], who: str = "seed") -> int:
        """Fill an empty store from the YAML content; a store that has entries is left alone."""
        lock = await _call(self._redis.set(f"{P}:seeding", "1", nx=True, ex=120))
        if not lock or not await self.is_empty():
            return 0
        now = now_ms()
        async with self._redis.pipeline(transaction=True) as pipe:
            for entry in entries:
                pipe.sadd(f"{P}:ids", entry.id)
                pipe.set(f"{P}:entry:{entry.id}", entry_json(entry))
                pipe.hset(f"{P}:state:{entry.id}", mapping={"status": "published", "author": who, "reviewer": who, "updated": now, "version": 1})
                pipe.rpush(f"{P}:versions:{entry.id}", version_json(1, "published", who, now, "seed", entry))
            await _call(pipe.execute())
        await self.audit(who, "seed", detail=f"{len(entries)} entries", count=len(entries))
        return len(entries)

    async def published(self) -> list[Entry]:
        ids = sorted(await _call(self._redis.smembers(f"{P}:ids")))
        if not ids:
            return []
        raw = await _call(self._redis.mget([f"{P}:entry:{i}" for i in ids]))
        # One round trip for every entry's status, not one per entry (start-up and each resync).
        async with self._redis.pipeline(transaction=False) as pipe:
            for entry_id in ids:
                pipe.hget(f"{P}:state:{entry_id}", "status")
            statuses = await _call(pipe.execute())
        return [
            Entry.model_validate(json.loads(value))
            for value, status in zip(raw, statuses)
            if value and status and status != "archived"
        ]

    async def published_entry(self, entry_id: str) -> Entry | None:
        value = await _call(self._redis.get(f"{P}:entry:{entry_id}"))
        return Entry.model_validate(json.loads(value)) if value else None

    async def working(self, entry_id: str) -> Entry | None:
        value = await _call(self._redis.get(f"{P}:working:{entry_id}"))
        return Entry.model_validate(json.loads(value)) if value else None

    async def state(self, entry_id: str) -> EntryState | None:
        data = await _call(self._redis.hgetall(f"{P}:state:{entry_id}"))
        return EntryState.from_hash(entry_id, data) if data else None

    async def views(self, entry_ids: list[str]) -> list["EntryView"]:
        """Each entry's published copy, working copy and state, all in one round trip."""
        if not entry_ids:
            return []
        async with self._redis.pipeline(transaction=False) as pipe:
            for entry_id in entry_ids:
                pipe.get(f"{P}:entry:{entry_id}")
                pipe.get(f"{P}:working:{entry_id}")
                pipe.hgetall(f"{P}:state:{entry_id}")
            rows = await _call(pipe.execute())
        views = []
        for index, entry_id in enumerate(entry_ids):
            published, working, state = rows[3 * index: 3 * index + 3]
            views.append(EntryView(
                entry_id=entry_id,
                published=Entry.model_validate(json.loads(published)) if published else None,
                working=Entry.model_validate(json.loads(working)) if working else None,
                state=EntryState.from_hash(entry_id, state) if state else None,
            ))
        return views

    async def ids(self) -> list[str]:
        return sorted(await _call(self._redis.smembers(f"{P}:ids")))

    async def exists(self, entry_id: str) -> bool:
        return bool(await _call(self._redis.sismember(f"{P}:ids", entry_id)))

    async def versions(self, entry_id: str) -> list[dict[str, Any]]:
        return [json.loads(v) for v in await _call(self._redis.lrange(f"{P}:versions:{entry_id}", 0, -1))]

    # --- changing -----------------------------------------------------------------------------
    async def _record(
        self, pipe, entry_id: str, version: int, status: str, who: str, code: str, entry: Entry | None,
        restored_version: int | None = None,
    ) -> None:
        pipe.rpush(f"{P}:versions:{entry_id}", version_json(version, status, who, now_ms(), code, entry, restored_version))

    async def save_working(
        self, entry: Entry, who: str, status: str, code: str, *, authored: bool = False, restored_version: int | None = None,
    ) -> EntryState:
        """Store `entry` as the working copy (`code`: create, edit, or revert with the
        `restored_version` it brings back). The author becomes `who` on a create, an edit, or
        whenever `authored` (a revert: whoever brings old text back answers for it, so a reviewer
        cannot revert to a text and then publish it as someone else's)."""
        if (code == "revert") != (restored_version is not None):
            raise ValueError("A revert, and only a revert, names the version it restores.")
        state = await self.state(entry.id)
        version = (state.version if state else 0) + 1
        author = who if authored or code in ("create", "edit") else (state.author if state else who)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.sadd(f"{P}:ids", entry.id)
            pipe.set(f"{P}:working:{entry.id}", entry_json(entry))
            pipe.hset(f"{P}:state:{entry.id}", mapping={"status": status, "author": author, "reviewer": "", "updated": now_ms(), "version": version})
            await self._record(pipe, entry.id, version, status, who, code, entry, restored_version)
            await _call(pipe.execute())
        restored = {} if restored_version is None else {"restored_version": restored_version}
        await self.audit(who, code, entry.id, status, status=status, version=version, **restored)
        return await self.state(entry.id)

    async def set_status(self, entry_id: str, status: str, who: str, code: str) -> EntryState:
        state = await self.state(entry_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(f"{P}:state:{entry_id}", mapping={"status": status, "updated": now_ms(), "version": state.version + 1})
            await self._record(pipe, entry_id, state.version + 1, status, who, code, await self.working(entry_id))
            await _call(pipe.execute())
        await self.audit(who, code, entry_id, status, status=status, version=state.version + 1)
        return await self.state(entry_id)

    async def publish(self, entry: Entry, who: str, code: str = "publish") -> EntryState:
        state = await self.state(entry.id)
        version = (state.version if state else 0) + 1
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.sadd(f"{P}:ids", entry.id)
            pipe.set(f"{P}:entry:{entry.id}", entry_json(entry))
            pipe.delete(f"{P}:working:{entry.id}")
            pipe.hset(f"{P}:state:{entry.id}", mapping={"status": "published", "reviewer": who, "updated": now_ms(), "version": version})
            await self._record(pipe, entry.id, version, "published", who, code, entry)
            pipe.publish(CHANGES_CHANNEL, json.dumps({"entry_id": entry.id, "action": "publish", "version": version}))
            await _call(pipe.execute())
        await self.audit(who, code, entry.id, f"version {version}", status="published", version=version)
        return await self.state(entry.id)

    async def archive(self, entry_id: str, who: str) -> EntryState:
        state = await self.state(entry_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(f"{P}:working:{entry_id}")
            pipe.hset(f"{P}:state:{entry_id}", mapping={"status": "archived", "updated": now_ms(), "version": state.version + 1})
            await self._record(pipe, entry_id, state.version + 1, "archived", who, "archive", None)
            pipe.publish(CHANGES_CHANNEL, json.dumps({"entry_id": entry_id, "action": "archive", "version": state.version + 1}))
            await _call(pipe.execute())
        await self.audit(who, "archive", entry_id, status="archived", version=state.version + 1)
        return await self.state(entry_id)

    # --- audit --------------------------------------------------------------------------------
    async def audit(self, who: str, code: str, entry_id: str = "", detail: str = "", **fields: str | int) -> None:
        """Log an event: `code` (one of AUDIT_CODES) and its `fields` (AUDIT_FIELDS) for a client
        to word; `action` (action_text) and `detail` are the English text the log has always had."""
        if code not in AUDIT_CODES or not set(fields) <= set(AUDIT_FIELDS):
            raise ValueError(f"Unknown audit code {code!r} or field among {sorted(fields)}.")
        record = {
            "who": who, "action": action_text(code, fields.get("restored_version")), "entry_id": entry_id, "detail": detail,
            "ts": str(now_ms()), "code": code, **{name: str(value) for name, value in fields.items()},
        }
        await _call(self._redis.xadd(f"{P}:audit", record, maxlen=AUDIT_MAX, approximate=True))

    async def audit_log(self, count: int = 200, entry_id: str | None = None) -> list[dict[str, Any]]:
        """The newest events first, each as written: the numbers among its fields as ints."""
        rows = await _call(self._redis.xrevrange(f"{P}:audit", count=count if not entry_id else 5000))
        found = [_audit_row(row_id, fields) for row_id, fields in rows]
        return [row for row in found if not entry_id or row["entry_id"] == entry_id][:count]
