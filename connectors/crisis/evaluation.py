"""Scoring crisis detection on a labelled set: recall per category, false alarms (the crisis
answer) and check-ins on harmless messages, a confusion table of categories, subject accuracy,
and every miss."""

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
    kind: str | None = None  # what makes a harmless message look risky: idiom, school_topic, ...


@dataclass
class Report:
    name: str
    per_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # hits, total
    misses: list[Example] = field(default_factory=list)
    false_alarms: list[tuple[Example, CrisisSignal]] = field(default_factory=list)
    # one per harmless message: what makes it look risky (None where the set does not say)
    negative_kinds: list[str | None] = field(default_factory=list)
    wrong_subject: list[Example] = field(default_factory=list)
    # A check-in (not the crisis answer): on a harmless message, and on a crisis message.
    check_ins: list[tuple[Example, CrisisSignal]] = field(default_factory=list)
    soft_hits: list[Example] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)  # (expected, predicted) -> count

    @property
    def recall(self) -> float:
        hits = sum(h for h, _ in self.per_category.values())
        total = sum(t for _, t in self.per_category.values())
        return hits / total if total else 1.0

    @property
    def negatives(self) -> int:
        return len(self.negative_kinds)

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.negatives if self.negatives else 0.0

    @property
    def check_in_rate(self) -> float:
        return len(self.check_ins) / self.negatives if self.negatives else 0.0

    @property
    def category_accuracy(self) -> float:
        total = sum(self.confusion.values())
        return sum(n for (e, p), n in self.confusion.items() if e == p) / total if total else 1.0

    @property
    def subject_accuracy(self) -> float:
        total = sum(self.confusion.values())
        return 1 - len(self.wrong_subject) / total if total else 1.0

    def confusion_lines(self) -> list[str]:
        categories = sorted({c for pair in self.confusion for c in pair})
        short = {c: c[:8] for c in categories}
        out = ["  category (rows: expected, columns: detected)", "  " + " " * 14 + " ".join(f"{short[c]:>8}" for c in categories)]
        for expected in categories:
            cells = " ".join(f"{self.confusion.get((expected, p), 0):>8}" for p in categories)
            out.append(f"  {expected:<14}{cells}")
        return out

    def kind_lines(self) -> list[str]:
        """Per kind of harmless message: how many drew the crisis answer and how many a check-in."""
        totals = Counter(self.negative_kinds)
        if not totals or set(totals) == {None}:
            return []
        alarms = Counter(example.kind for example, _ in self.false_alarms)
        checks = Counter(example.kind for example, _ in self.check_ins)
        out = ["  harmless by kind       crisis  check-in"]
        for kind in sorted(totals, key=lambda k: (k is None, k or "")):
            out.append(f"    {kind or '(none)':<20} {alarms[kind]:>3}/{totals[kind]:<3} {checks[kind]:>3}/{totals[kind]:<3}")
        return out

    def lines(self) -> list[str]:
        out = [f"== {self.name}"]
        for category, (hits, total) in sorted(self.per_category.items()):
            out.append(f"  recall {category:<14} {hits:>3}/{total:<3} = {hits / total:.3f}")
        out.append(f"  recall overall         {self.recall:.3f}")
        out.append(
            f"  false-alarm rate       {len(self.false_alarms)}/{self.negatives} = {self.false_alarm_rate:.3f}"
            "  (the crisis answer on a harmless message)"
        )
        out.append(f"  check-in rate          {len(self.check_ins)}/{self.negatives} = {self.check_in_rate:.3f}")
        if self.soft_hits:
            out.append(f"  crisis messages given only a check-in: {len(self.soft_hits)}")
        out.append(f"  category accuracy      {self.category_accuracy:.3f}")
        out.append(f"  subject accuracy       {self.subject_accuracy:.3f}  (worried-friend variant wrong: {len(self.wrong_subject)})")
        out.extend(self.kind_lines())
        out.extend(self.confusion_lines())
        for example in self.misses:
            out.append(f"  MISS  [{example.category}/{example.lang}] {example.text}")
        for example in self.soft_hits:
            out.append(f"  SOFT  [{example.category}/{example.lang}] {example.text}")
        for example, signal in self.false_alarms:
            out.append(f"  FALSE [{signal.category}] {example.text}")
        for example, signal in self.check_ins:
            out.append(f"  CHECK [{signal.category}] {example.text}")
        for example in self.wrong_subject:
            out.append(f"  SUBJECT [{'other' if example.third_person else 'self'} expected] {example.text}")
        return out


def load_examples(path: Path) -> list[Example]:
    """The `crisis` and the harmless messages of an evaluation file; the harmless ones are under
    `non_crisis` or, as in the classifier's example files, `harmless`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    positives = [
        Example(x["text"], True, x["category"], bool(x.get("third_person")), x.get("lang", "nb"))
        for x in data["crisis"]
    ]
    negatives = [Example(x["text"], False, lang=x.get("lang", "nb"), kind=x.get("kind")) for x in data.get("non_crisis", data.get("harmless"))]
    return positives + negatives


def evaluate(name: str, examples: list[Example], predict: Predict) -> Report:
    report = Report(name)
    totals: Counter = Counter()
    hits: Counter = Counter()
    for example in examples:
        signal = predict(example.text)
        soft = signal is not None and signal.level == "check_in"
        if example.crisis:
            totals[example.category] += 1
            if signal is None or soft:
                (report.soft_hits if soft else report.misses).append(example)
                continue
            hits[example.category] += 1
            report.confusion[(example.category, signal.category)] += 1
            if signal.third_person != example.third_person:
                report.wrong_subject.append(example)
        else:
            report.negative_kinds.append(example.kind)
            if soft:
                report.check_ins.append((example, signal))
            elif signal is not None:
                report.false_alarms.append((example, signal))
    report.per_category = {c: (hits[c], totals[c]) for c in totals}
    return report
