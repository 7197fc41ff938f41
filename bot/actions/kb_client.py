"""HTTP client for the knowledge-base service's search API.

    KBClientError
    ├── KBUnavailable     the service could not be reached, timed out, or failed (5xx)
    └── KBEntryNotFound   an entry id the service does not know (404)
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp


class KBClientError(Exception):
    pass


class KBUnavailable(KBClientError):
    pass


class KBEntryNotFound(KBClientError):
    pass


@dataclass(frozen=True)
class KBResult:
    entry_id: str
    service: str
    directorate: str
    title: str
    answer: str
    url: str | None
    score: float
    service_name: str
    contact: str
    checked: str
    answer_nn: str | None = None
    answer_en: str | None = None
    title_nn: str | None = None
    title_en: str | None = None
    # The entry's topic within its service ("alder": who the service is for); "" from an older KB.
    topic: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KBResult":
        return cls(
            entry_id=data["entry_id"],
            service=data["service"],
            directorate=data["directorate"],
            title=data["title"],
            answer=data["answer"],
            url=data.get("url"),
            score=float(data.get("score", 0.0)),
            service_name=data.get("service_name", data["service"]),
            contact=data.get("contact", ""),
            checked=data.get("checked", "verified"),
            answer_nn=data.get("answer_nn") or None,
            answer_en=data.get("answer_en") or None,
            title_nn=data.get("title_nn") or None,
            title_en=data.get("title_en") or None,
            topic=str(data.get("topic") or ""),
        )

    def answer_in(self, lang: str) -> str | None:
        """The answer in nb, nn or en, or None when the entry has no version in that language."""
        return {"nb": self.answer, "nn": self.answer_nn, "en": self.answer_en}.get(lang)

    def title_in(self, lang: str) -> str:
        """The title in nb, nn or en, falling back to the bokmål title."""
        return {"nn": self.title_nn, "en": self.title_en}.get(lang) or self.title


@dataclass(frozen=True)
class KBSearch:
    results: list[KBResult]
    confident: bool
    # With a `context`: the results for the question read as a follow-up of it.
    in_context: "KBSearch | None" = None
    # The chance in [0, 1] that the question is about what the catalogue covers at all (the
    # knowledge base's domain model); None when the knowledge base has none.
    in_domain: float | None = None
    # The ids of the services the question names by name, in order of mention.
    named: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KBSearch":
        nested = data.get("in_context")
        in_domain = data.get("in_domain")
        return cls(
            results=[KBResult.from_json(item) for item in data["results"]],
            confident=bool(data["confident"]),
            in_context=cls.from_json(nested) if isinstance(nested, dict) else None,
            in_domain=float(in_domain) if isinstance(in_domain, (int, float)) else None,
            named=tuple(str(n) for n in data.get("named") or () if isinstance(n, str)),
        )


class KBClient:
    def __init__(self, base_url: str, timeout_seconds: float, service_token: str | None = None) -> None:
        """`service_token` (KB_SERVICE_TOKEN) marks the searches as the bot's: only those are logged
        for the content owners."""
        self._base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._headers = {"Authorization": f"Bearer {service_token}"} if service_token else {}

    async def _get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, headers=self._headers) as session:
                async with session.get(self._base_url + path, params=params) as response:
                    if response.status == 404:
                        raise KBEntryNotFound(path)
                    if response.status >= 400:
                        raise KBUnavailable(f"knowledge base answered {response.status}")
                    return await response.json()
        except KBClientError:
            raise
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            raise KBUnavailable(f"knowledge base unreachable: {type(exc).__name__}") from exc

    async def search(self, query: str, k: int, context: str | None = None) -> KBSearch:
        """Ranked results for `query`; with `context` (the last question, at most 1,000
        characters) also `in_context`, in the same request."""
        params = {"q": query, "k": str(k)}
        if context:
            params["context"] = context[-1000:]
        data = await self._get("/v1/search", params)
        try:
            return KBSearch.from_json(data)
        except (KeyError, TypeError) as exc:
            raise KBUnavailable("knowledge base sent an unexpected answer") from exc

    async def entry(self, entry_id: str) -> KBResult:
        data = await self._get("/v1/entries/" + quote(entry_id, safe=""))
        try:
            return KBResult.from_json(data)
        except (KeyError, TypeError) as exc:
            raise KBUnavailable("knowledge base sent an unexpected answer") from exc
