"""What the search API returns: the JSON shape the bot's actions rely on."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .content import Entry
from .index import Hit
from .services import Service


@dataclass(frozen=True)
class SearchResult:
    entry_id: str
    service: str
    directorate: str
    title: str
    answer: str
    url: str | None
    score: float
    # Extensions beyond the contract: the contact line comes from the service catalogue.
    service_name: str
    contact: str
    phone: str | None
    checked: str
    answer_nn: str | None
    answer_en: str | None
    title_nn: str | None
    title_en: str | None
    # The entry's topic within its service ("alder": who the service is for).
    topic: str = ""

    @classmethod
    def from_entry(cls, entry: Entry, service: Service, score: float) -> "SearchResult":
        return cls(
            entry_id=entry.id,
            service=entry.service,
            directorate=entry.directorate,
            title=entry.title,
            answer=entry.answer,
            url=entry.url or service.url,
            score=round(score, 4),
            service_name=service.name,
            contact=entry.contact or service.contact,
            phone=service.phone,
            checked=entry.checked,
            answer_nn=entry.answer_nn,
            answer_en=entry.answer_en,
            title_nn=entry.title_nn,
            title_en=entry.title_en,
            topic=entry.topic,
        )

    @classmethod
    def from_hit(cls, hit: Hit, services: dict[str, Service]) -> "SearchResult":
        return cls.from_entry(hit.entry, services[hit.entry.service], hit.score)

    def to_json(self) -> dict:
        return asdict(self)
