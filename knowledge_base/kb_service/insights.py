"""Learning from use: what young people asked that the bot could not answer well.

Three sources, all redacted before they are written and trimmed by age (`retention_days`):
    uv:insights:unanswered   searches where the knowledge base was not confident (written here)
    uv:feedback:log          thumbs up/down on answers, with the question (the widget channel)
    uv:insights:handoffs     conversations handed to a person, with the last question (widget)
Questions are grouped by meaning (the same embedding model as search, greedy clustering) per
directorate, so a content owner sees "unanswered questions" with counts, not a raw log.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

import re

import numpy as np
import redis.asyncio as aioredis

from common import redis_keys
from common.clock import now_ms
from common.redaction import redact

from .normalise import tokens
from .services import Service


def stems(question: str) -> frozenset[str]:
    """The question's word stems (no character grams, no joined word pairs, no placeholders)."""
    words = PLACEHOLDER.sub(" ", question).split()
    return frozenset(t for word in words for t in tokens(word) if not t.startswith("#"))


def similarity(vector_a: np.ndarray, stems_a: frozenset[str], vector_b: np.ndarray, stems_b: frozenset[str]) -> float:
    union = stems_a | stems_b
    overlap = len(stems_a & stems_b) / len(union) if union else 0.0
    return 0.5 * float(vector_a @ vector_b) + 0.5 * overlap

UNANSWERED = "uv:insights:unanswered"
HANDOFFS = redis_keys.HANDOFF_LOG
FEEDBACK = redis_keys.FEEDBACK_LOG
DISMISSED = "uv:insights:dismissed"
LOG_MAX = 50_000
# Two questions are alike when half the embedding cosine plus half the overlap of their stems
# reaches this (the packaged model alone is weak on Norwegian); a question joins the group
# with the most alike member.
SIMILARITY = 0.5
PLACEHOLDER = re.compile(r"\[[^\]]*\]")
MAX_GROUP_QUESTIONS = 5
READ_LIMIT = 5_000
NO_DIRECTORATE = "ukjent"


def group_id(text: str) -> str:
    return "g-" + hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:12]


@dataclass
class Group:
    directorate: str
    service: str
    example: str
    members: list[tuple[np.ndarray, frozenset[str]]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=lambda: {"not_confident": 0, "thumbs_down": 0, "handoff": 0})
    count: int = 0
    last_seen: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": group_id(self.example), "directorate": self.directorate, "service": self.service, "count": self.count,
            "example": self.example, "questions": self.questions, "kinds": self.kinds, "last_seen": self.last_seen,
        }


class Insights:
    def __init__(self, client: aioredis.Redis, services: dict[str, Service], retention_days: int = 90) -> None:
        self._redis = client
        self._services = services
        self._retention_ms = retention_days * 24 * 3600 * 1000
        self._retention_seconds = retention_days * 24 * 3600

    def directorate_of(self, service: str | None) -> str:
        found = self._services.get(service or "")
        return found.owner if found else NO_DIRECTORATE

    # --- writing (from the search route; never slows it down or fails it) ----------------------
    async def record_search(self, query: str, top_service: str | None, top_entry: str | None, score: float,
                            confident: bool, answered: bool) -> None:
        directorate = self.directorate_of(top_service)
        day = dt.date.today().isoformat()
        stats = f"uv:insights:stats:{day}:{directorate}"
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(stats, "searches", 1)
            pipe.hincrby(stats, "confident", int(confident))
            pipe.hincrby(stats, "answered", int(answered))
            pipe.expire(stats, self._retention_seconds)
            if not confident:
                pipe.xadd(UNANSWERED, {
                    "question": redact(query)[:300], "service": top_service or "", "entry_id": top_entry or "",
                    "score": f"{score:.3f}", "ts": str(now_ms()),
                }, maxlen=LOG_MAX, approximate=True)
                pipe.xtrim(UNANSWERED, minid=str(now_ms() - self._retention_ms), approximate=False)
            await pipe.execute()

    # --- reading ------------------------------------------------------------------------------------
    async def _rows(self, key: str) -> list[dict[str, str]]:
        since = str(now_ms() - self._retention_ms)
        return [fields for _, fields in await self._redis.xrevrange(key, max="+", min=since, count=READ_LIMIT)]

    async def questions(self, entry_directorates: dict[str, str]) -> list[dict[str, Any]]:
        """Every logged question with its kind, service and directorate."""
        found = []
        for row in await self._rows(UNANSWERED):
            found.append({"kind": "not_confident", "question": row.get("question", ""), "service": row.get("service", ""), "ts": int(row.get("ts", 0))})
        for row in await self._rows(FEEDBACK):
            if row.get("vote") == "down" and row.get("question"):
                directorate = entry_directorates.get(row.get("entry_id", ""), NO_DIRECTORATE)
                found.append({"kind": "thumbs_down", "question": row["question"], "directorate": directorate,
                              "entry_id": row.get("entry_id", ""), "ts": int(row.get("ts", 0))})
        for row in await self._rows(HANDOFFS):
            if row.get("question"):
                found.append({"kind": "handoff", "question": row["question"], "service": row.get("service", ""), "ts": int(row.get("ts", 0))})
        for item in found:
            item.setdefault("directorate", self.directorate_of(item.get("service")))
            item["question"] = redact(item["question"])  # again: older rows, other writers
        return [item for item in found if item["question"].strip()]

    async def groups(self, encoder, entry_directorates: dict[str, str], directorates: set[str] | None) -> list[dict[str, Any]]:
        items = [i for i in await self.questions(entry_directorates) if directorates is None or i["directorate"] in directorates]
        dismissed = set(await self._redis.smembers(DISMISSED))
        if not items:
            return []
        vectors = await asyncio.to_thread(encoder, [i["question"] for i in items])
        groups: list[Group] = []
        for item, vector in sorted(zip(items, vectors), key=lambda pair: pair[0]["ts"]):
            item_stems = stems(item["question"])
            best, best_score = None, SIMILARITY
            for group in groups:
                if group.directorate != item["directorate"]:
                    continue
                score = max(similarity(vector, item_stems, v, s) for v, s in group.members)
                if score >= best_score:
                    best, best_score = group, score
            if best is None:
                best = Group(item["directorate"], item.get("service", ""), item["question"])
                groups.append(best)
            best.members.append((vector, item_stems))
            best.count += 1
            best.kinds[item["kind"]] += 1
            best.last_seen = max(best.last_seen, item["ts"])
            if item["question"] not in best.questions and len(best.questions) < MAX_GROUP_QUESTIONS:
                best.questions.append(item["question"])
        shown = [g.to_json() for g in groups if group_id(g.example) not in dismissed]
        return sorted(shown, key=lambda g: (-g["count"], -g["last_seen"]))

    async def dismiss(self, group: str) -> None:
        await self._redis.sadd(DISMISSED, group)

    async def stats(self, entry_directorates: dict[str, str], directorates: set[str] | None, days: int = 30) -> list[dict[str, Any]]:
        totals: dict[str, dict[str, int]] = {}

        def bucket(directorate: str) -> dict[str, int]:
            return totals.setdefault(directorate, {"searches": 0, "confident": 0, "answered": 0, "thumbs_up": 0, "thumbs_down": 0, "handoffs": 0})

        today = dt.date.today()
        for offset in range(days):
            day = (today - dt.timedelta(days=offset)).isoformat()
            async for key in self._redis.scan_iter(match=f"uv:insights:stats:{day}:*", count=200):
                counts = await self._redis.hgetall(key)
                target = bucket(key.rsplit(":", 1)[1])
                for name in ("searches", "confident", "answered"):
                    target[name] += int(counts.get(name, 0))
        for row in await self._rows(FEEDBACK):
            vote = row.get("vote")
            if vote in ("up", "down"):
                bucket(entry_directorates.get(row.get("entry_id", ""), NO_DIRECTORATE))[f"thumbs_{vote}"] += 1
        for row in await self._rows(HANDOFFS):
            bucket(self.directorate_of(row.get("service")))["handoffs"] += 1
        rows = []
        for directorate, t in sorted(totals.items()):
            if directorates is not None and directorate not in directorates:
                continue
            searches = t["searches"]
            rows.append({
                "directorate": directorate, "searches": searches,
                "answered_share": round(t["answered"] / searches, 3) if searches else None,
                "confident_share": round(t["confident"] / searches, 3) if searches else None,
                "thumbs_up": t["thumbs_up"], "thumbs_down": t["thumbs_down"], "handoffs": t["handoffs"],
            })
        return rows
