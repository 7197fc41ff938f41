"""Scoring crisis detection on a labelled set: recall per category, false alarms, every miss."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import yaml

from .detector import CrisisSignal

Predict = Callable[[str], Optional[CrisisSignal]]


@dataclass(frozen=True)
class Example:
    text: str
    crisis: bool
    category: str | None = None
    third_person: bool = False
    lang: str = "nb"


@dataclass
class Report:
    name: str
    per_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # hits, total
    misses: list[Example] = field(default_factory=list)
    false_alarms: list[tuple[Example, CrisisSignal]] = field(default_factory=list)
    negatives: int = 0
    wrong_subject: list[Example] = field(default_factory=list)

    @property
    def recall(self) -> float:
        hits = sum(h for h, _ in self.per_category.values())
        total = sum(t for _, t in self.per_category.values())
        return hits / total if total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.negatives if self.negatives else 0.0

    def lines(self) -> list[str]:
        out = [f"== {self.name}"]
        for category, (hits, total) in sorted(self.per_category.items()):
            out.append(f"  recall {category:<14} {hits:>3}/{total:<3} = {hits / total:.3f}")
        out.append(f"  recall overall         {self.recall:.3f}")
        out.append(
            f"  false-alarm rate       {len(self.false_alarms)}/{self.negatives} = {self.false_alarm_rate:.3f}"
        )
        out.append(f"  worried-friend variant wrong: {len(self.wrong_subject)}")
        for example in self.misses:
            out.append(f"  MISS  [{example.category}/{example.lang}] {example.text}")
        for example, signal in self.false_alarms:
            out.append(f"  FALSE [{signal.category}] {example.text}")
        for example in self.wrong_subject:
            out.append(f"  SUBJECT [{'other' if example.third_person else 'self'} expected] {example.text}")
        return out


def load_examples(path: Path) -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    positives = [
        Example(x["text"], True, x["category"], bool(x.get("third_person")), x.get("lang", "nb"))
        for x in data["crisis"]
    ]
    negatives = [Example(x["text"], False, lang=x.get("lang", "nb")) for x in data["non_crisis"]]
    return positives + negatives


def evaluate(name: str, examples: list[Example], predict: Predict) -> Report:
    report = Report(name)
    totals: Counter = Counter()
    hits: Counter = Counter()
    for example in examples:
        signal = predict(example.text)
        if example.crisis:
            totals[example.category] += 1
            if signal is None:
                report.misses.append(example)
                continue
            hits[example.category] += 1
            if signal.third_person != example.third_person:
                report.wrong_subject.append(example)
        else:
            report.negatives += 1
            if signal is not None:
                report.false_alarms.append((example, signal))
    report.per_category = {c: (hits[c], totals[c]) for c in totals}
    return report
