"""Keeps a replica's search index in step with the content store.

At start the store is seeded from the YAML content if it is empty, and the index is brought to
what the store has published. Then every publish or archive announced on the pub/sub channel
re-indexes that one entry (in a worker thread; searches go on against the old index until the new
one is swapped in). After a lost connection the replica resynchronises in full, so a missed
message costs a short delay, never a stale answer for long.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from redis.exceptions import RedisError

from .content import Entry
from .index import SearchIndex
from .store import CHANGES_CHANNEL, ContentStore, entry_json

logger = logging.getLogger(__name__)


def _changes(current: list[Entry], wanted: list[Entry]) -> tuple[list[Entry], list[str]]:
    have = {entry.id: entry_json(entry) for entry in current}
    want = {entry.id: entry for entry in wanted}
    upserts = [entry for entry_id, entry in want.items() if have.get(entry_id) != entry_json(entry)]
    removals = [entry_id for entry_id in have if entry_id not in want]
    return upserts, removals


class LiveIndex:
    def __init__(self, app_ctx: Any, store: ContentStore) -> None:
        self._ctx = app_ctx
        self._store = store
        self._lock = asyncio.Lock()
        self._task: asyncio.Task | None = None
        # One long-lived worker thread for re-indexing: torch sets up per thread, so a fresh
        # thread per update would cost that set-up every time.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reindex")
        self.applied = 0

    @property
    def index(self) -> SearchIndex:
        return self._ctx.index

    async def _swap(self, upserts: list[Entry], removals: list[str]) -> None:
        if not upserts and not removals:
            return
        started = time.perf_counter()
        async with self._lock:
            updated = await asyncio.get_running_loop().run_in_executor(
                self._worker, self._ctx.index.updated, upserts, removals
            )
            self._ctx.index = updated
            self.applied += 1
        logger.info(
            "index updated: %d changed, %d removed, %.0f ms", len(upserts), len(removals), (time.perf_counter() - started) * 1000
        )

    async def start(self, seed_entries: list[Entry]) -> None:
        await asyncio.get_running_loop().run_in_executor(self._worker, self._warm_up)
        seeded = await self._store.seed(seed_entries)
        if seeded:
            logger.info("content store seeded with %d entries", seeded)
        await self.resync()
        self._task = asyncio.create_task(self._listen())

    def _warm_up(self) -> None:
        self._ctx.embedder.encode(["oppvarming"])

    async def resync(self) -> None:
        upserts, removals = _changes(self._ctx.index.entries, await self._store.published())
        await self._swap(upserts, removals)

    async def apply(self, entry_id: str) -> None:
        state = await self._store.state(entry_id)
        entry = await self._store.published_entry(entry_id)
        if state is None or state.status == "archived" or entry is None:
            if self._ctx.index.get(entry_id) is not None:
                await self._swap([], [entry_id])
            return
        current = self._ctx.index.get(entry_id)
        if current is None or entry_json(current) != entry_json(entry):
            await self._swap([entry], [])

    async def _listen(self) -> None:
        delay = 0.5
        while True:
            pubsub = self._store.client.pubsub()
            try:
                await pubsub.subscribe(CHANGES_CHANNEL)
                await self.resync()  # anything missed while not subscribed
                delay = 0.5
                async for message in pubsub.listen():
                    if message.get("type") != "message":
                        continue
                    try:
                        change = json.loads(message["data"])
                        await self.apply(str(change["entry_id"]))
                    except (ValueError, KeyError, TypeError):
                        logger.warning("ignored a malformed change message")
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                logger.warning("content channel lost (%s); retrying", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)
            finally:
                try:
                    await pubsub.close()
                except Exception:  # closing a broken connection
                    pass

    async def stop(self) -> None:
        self._worker.shutdown(wait=False)
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
