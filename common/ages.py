"""Who a service is for by age, and the age a young person states about themselves.

`age_limits(services)` reads each catalogue service's `age` field and keeps only the plain ranges
("under 18", "18 and over (...)", "13-20"); a field that says more ("under 18, and adults worried
about a child", "0-18; treatment started before 18 can continue up to 23") sets no limit, so a
service is never left out on a reading the catalogue does not support.

`stated_age(text)` finds the writer's own age in a message ("er 22 så ...", "i'm 23", "jeg er 15
år", "19 åring"), or None. Only first-person statements count: "22 grader", "for 3 år siden" and
"lillebroren min er 12" are not the writer's age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

_UNDER = re.compile(r"^under (\d{1,2})$")
_AND_OVER = re.compile(r"^(\d{1,2}) and over(?: \([^)]*\))?$")
_BETWEEN = re.compile(r"^(\d{1,2}) ?- ?(\d{1,2})(?: \([^)]*\))?$")

# Plausible ages of someone writing to the bot; a number outside is not an age.
YOUNGEST, OLDEST = 10, 35


@dataclass(frozen=True)
class AgeLimit:
    """Ages a service is for, both ends included; None is open."""

    lowest: int | None = None
    highest: int | None = None

    def fits(self, age: int) -> bool:
        return (self.lowest is None or age >= self.lowest) and (self.highest is None or age <= self.highest)


def age_limit(field: Any) -> AgeLimit | None:
    """The limit a catalogue `age` field states plainly, or None."""
    text = " ".join(str(field or "").strip().lower().split())
    if match := _UNDER.match(text):
        return AgeLimit(highest=int(match.group(1)) - 1)
    if match := _AND_OVER.match(text):
        return AgeLimit(lowest=int(match.group(1)))
    if match := _BETWEEN.match(text):
        return AgeLimit(int(match.group(1)), int(match.group(2)))
    return None


def age_limits(services: Iterable[dict[str, Any]]) -> dict[str, AgeLimit]:
    """Service id -> its plain age limit, for the services whose `age` field states one."""
    limits = {}
    for service in services:
        limit = age_limit(service.get("age"))
        if limit is not None and service.get("id"):
            limits[str(service["id"])] = limit
    return limits


_NOT_AN_AGE = r"(?! ?(?:%|prosent|percent|grader|degrees|kr\b|kroner|nok\b|timer|hours|min\b|minutter|minutes|dager|days|uker|weeks|mnd|måneder|months|stk|ganger|times|kg|cm|km|tusen|000|års|år siden|years ago|\.\d|,\d))"
_STATED = re.compile(
    # "jeg er 22", "eg er 19 år", "æ e 17", "i'm 23", "i am 16", "im 20"
    rf"\b(?:jeg|eg|æ|je|i) ?(?:er|e|am|m|'m) (\d{{1,2}})\b{_NOT_AN_AGE}"
    rf"|\bi'?m (\d{{1,2}})\b{_NOT_AN_AGE}"
    # the subject dropped, at the start of a clause: "er 22 så korspåhalsen gjelder vel ikke meg"
    rf"|(?:^|[,.;:!?(]|\bog|\bmen|\band|\bbut) ?(?:er|e|am) (\d{{1,2}})\b{_NOT_AN_AGE}"
    # "19 åring", "22 years old", "15 år gammel", "(17)"
    r"|\b(\d{1,2}) ?(?:åring|åringen|years? old|yrs? old|yo|y/o|år gammel|år gamal|år gml)\b"
    r"|(?:^|[,.;:!?]) ?(\d{1,2}) ?(?:år|yo)\b(?! siden| sida)"
)


def stated_age(text: str) -> int | None:
    """The writer's own age, when the message states it; else None."""
    match = _STATED.search(" ".join(str(text).lower().split()))
    if not match:
        return None
    age = int(next(group for group in match.groups() if group))
    return age if YOUNGEST <= age <= OLDEST else None

