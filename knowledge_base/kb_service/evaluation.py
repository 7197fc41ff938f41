"""Routing evaluation on a labelled set: does the first answer come from a right service?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

from .index import Hit, Mode, SearchIndex


@dataclass(frozen=True)
class RoutingExample:
    text: str
    lang: str
    expected: frozenset[str]


@dataclass(frozen=True)
class Judged:
    example: RoutingExample
    hits: list[Hit]
    confident: bool

    @property
    def services(self) -> list[str]:
        return [hit.entry.service for hit in self.hits]

    @property
    def rank(self) -> int | None:
        for position, service in enumerate(self.services, start=1):
            if service in self.example.expected:
                return position
        return None


@dataclass
class RoutingReport:
    name: str
    judged: list[Judged] = field(default_factory=list)

    def _share(self, predicate: Callable[[Judged], bool], among: Sequence[Judged] | None = None) -> float:
        pool = self.judged if among is None else among
        return sum(1 for j in pool if predicate(j)) / len(pool) if pool else 0.0

    @property
    def top1(self) -> float:
        return self._share(lambda j: j.rank == 1)

    @property
    def top3(self) -> float:
        return self._share(lambda j: j.rank is not None and j.rank <= 3)

    @property
    def mrr(self) -> float:
        return sum(1 / j.rank for j in self.judged if j.rank) / len(self.judged) if self.judged else 0.0

    @property
    def confident_share(self) -> float:
        return self._share(lambda j: j.confident)

    @property
    def confident_precision(self) -> float:
        return self._share(lambda j: j.rank == 1, [j for j in self.judged if j.confident])

    def confusions(self, top: int = 10) -> list[tuple[tuple[str, str], int]]:
        pairs: Counter = Counter()
        for j in self.judged:
            if j.rank != 1 and j.services:
                expected = "/".join(sorted(j.example.expected))
                pairs[(expected, j.services[0])] += 1
        return pairs.most_common(top)

    def by_language(self) -> dict[str, float]:
        langs = sorted({j.example.lang for j in self.judged})
        return {
            lang: self._share(lambda j: j.rank == 1, [j for j in self.judged if j.example.lang == lang])
            for lang in langs
        }


def load_routing_examples(path: Path) -> list[RoutingExample]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        RoutingExample(item["text"], item.get("lang", "nb"), frozenset(item["expected"]))
        for item in data["messages"]
    ]


def evaluate_routing(
    name: str,
    index: SearchIndex,
    examples: Sequence[RoutingExample],
    mode: Mode,
    confident: Callable[[list[float]], bool],
    k: int = 5,
) -> RoutingReport:
    report = RoutingReport(name)
    for example in examples:
        hits = index.search(example.text, k, mode)
        report.judged.append(Judged(example, hits, confident([h.score for h in hits])))
    return report


@dataclass(frozen=True)
class Calibration:
    threshold: float
    margin: float
    confident_share: float
    precision: float


def calibrate(report: RoutingReport, min_precision: float = 0.95) -> Calibration | None:
    """The (threshold, margin) that flags the most answers confident at `min_precision` or better."""
    best: Calibration | None = None
    for threshold in [x / 100 for x in range(20, 91)]:
        for margin in [x / 100 for x in range(0, 21)]:
            flagged = [
                j for j in report.judged
                if j.hits
                and j.hits[0].score >= threshold
                and j.hits[0].score - (j.hits[1].score if len(j.hits) > 1 else 0.0) >= margin
            ]
            if not flagged:
                continue
            precision = sum(1 for j in flagged if j.rank == 1) / len(flagged)
            share = len(flagged) / len(report.judged)
            if precision >= min_precision and (best is None or share > best.confident_share):
                best = Calibration(threshold, margin, share, precision)
    return best
