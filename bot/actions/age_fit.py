"""Search results fitted to the writer's stated age.

`AgeFit.read()` takes the catalogue's plain age ranges (`common.ages`) and the services' names as
typed (`service_name_patterns`). `rules_out_all(search, age)`: every result is a service the age is outside (the
message named it: "er 22 så korspåhalsen gjelder vel ikke meg"); `without_names(text, services)`
takes those names out so the question can be searched again; `fit(search, age)` drops the services
the age is outside when others are left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from common.ages import AgeLimit, age_limits
from common.catalogue import CATALOGUE_FILES, read_catalogue

from .kb_client import KBResult, KBSearch

# The knowledge base's topic for an entry on who a service is for ("Hvem kan bruke ung.no?").
AGE_TOPIC = "alder"


def service_name_patterns(services: Iterable[dict[str, Any]]) -> dict[str, re.Pattern[str]]:
    """Service id -> a pattern for its catalogue name as typed ("Kors på halsen" matches "kors pa
    halsen" and "korspåhalsen"), to take a name out of a message that rules the service out."""
    patterns = {}
    for service in services:
        name = str(service.get("name") or "").split("(")[0].strip().lower()
        words = re.findall(r"\w+", name)
        if not service.get("id") or not words:
            continue
        parts = [re.escape(w).replace("å", "(?:å|aa|a)").replace("ø", "(?:ø|oe|o)").replace("æ", "(?:æ|ae)") for w in words]
        patterns[str(service["id"])] = re.compile(r"\b" + r"\s*".join(parts) + r"\b", re.IGNORECASE)
    return patterns


@dataclass(frozen=True)
class AgeFit:
    # service id -> the ages it is for, where the catalogue states a plain range
    limits: dict[str, AgeLimit]
    # service id -> its name as a young person may type it (spaces optional, å as a or aa)
    names: dict[str, re.Pattern[str]]

    @classmethod
    def read(cls, limits: dict[str, AgeLimit] | None = None) -> "AgeFit":
        """From the catalogue files (`common.catalogue.CATALOGUE_FILES`); `limits` replaces theirs."""
        services = read_catalogue(CATALOGUE_FILES).services
        return cls(age_limits(services) if limits is None else limits, service_name_patterns(services))

    def fits(self, service: str, age: int) -> bool:
        return service not in self.limits or self.limits[service].fits(age)

    def keeps(self, result: KBResult, age: int) -> bool:
        """A result of a service the age fits, or an entry about who the service is for (topic
        `AGE_TOPIC`): "I'm 19, can I still use Kors på halsen?" is answered by that entry, which
        says so and where to go instead."""
        return result.topic == AGE_TOPIC or self.fits(result.service, age)

    def rules_out_all(self, search: KBSearch, age: int | None) -> bool:
        return age is not None and bool(search.results) and not any(self.keeps(r, age) for r in search.results)

    def without_names(self, text: str, services: set[str]) -> str:
        """`text` without the catalogue names of `services` ("Kors på halsen", "korspåhalsen")."""
        for service in services:
            pattern = self.names.get(service)
            if pattern is not None:
                text = pattern.sub(" ", text)
        return " ".join(text.split())

    def fit(self, search: KBSearch, age: int | None) -> KBSearch:
        """`search` without the services the writer's stated age is outside ("er 22, så Kors på
        halsen gjelder vel ikke meg"), when others are left; the knowledge base's confidence holds
        only if its best result stays first."""
        if age is None or not search.results:
            return search
        kept = [r for r in search.results if self.keeps(r, age)]
        in_context = self.fit(search.in_context, age) if search.in_context is not None else None
        if not kept or len(kept) == len(search.results):
            return replace(search, in_context=in_context)
        confident = search.confident and kept[0] is search.results[0]
        return replace(search, results=kept, confident=confident, in_context=in_context)
