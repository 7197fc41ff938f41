"""Whether a question is about what the catalogue covers at all.

A logistic regression (scikit-learn) on the sentence embeddings the search already computes: the
entries' texts are "inside", questions written to be outside every service ("beste skins i
fortnite", "hva er pytagoras setning": `training_data/nlu/out_of_coverage.yml`, written from the
catalogues by a helper who had read no entry and no evaluation set) are "outside". Its probability
goes out with each search as `in_domain`; the bot will not answer from a close-but-unsure ranking
when it is low, and says honestly that it has no answer instead of naming an unrelated service.

Why: the fused score has an absolute meaning, but a Norwegian question about Minecraft still
reached 0.47 for a NAV entry (the English embedding model finds Norwegian texts alike), enough for
an answer. On the coverage dev set, 0.54 of the questions outside the catalogue fall below 0.3 and
0.02 of those inside (0.04 and 0.02 of the end-to-end dev sets' questions).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

# logistic regression C and the class balance: the outside side is small (about 230 questions
# against 3,000+ entry texts), so the classes are weighed evenly.
REGULARISATION = 4.0


class DomainModel:
    """`probability(vector)`: the chance in [0, 1] that a unit query vector is inside the catalogue."""

    def __init__(self, model: LogisticRegression) -> None:
        self._model = model

    @classmethod
    def fit(cls, inside: np.ndarray, outside: np.ndarray) -> "DomainModel | None":
        """Fit on inside and outside vectors (rows); None when either side is empty."""
        if len(inside) == 0 or len(outside) == 0:
            return None
        model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=3000, random_state=7)
        model.fit(np.vstack([inside, outside]), np.r_[np.ones(len(inside)), np.zeros(len(outside))])
        return cls(model)

    def probability(self, vector: np.ndarray) -> float:
        return float(self._model.predict_proba(vector.reshape(1, -1))[0, 1])


# Service names that are everyday words too ("fri" is a day off, "ros" praise, a "kompass" a compass).
AMBIGUOUS_NAMES = frozenset({"fri", "ros", "kompasset", "hva er innafor", "det finnes hjelp"})
# A question this short that names a service is about it ("kva gjer rusinfo", "nav help pls").
SHORT_QUESTION_WORDS = 5


class ServiceNames:
    """The catalogue's service names and ids, to tell when a short question names one."""

    def __init__(self, services: dict) -> None:
        names: set[str] = set()
        for service_id, service in services.items():
            names.add(service_id.replace("-", " "))
            for part in re.split(r" \(| - | / |\)", str(service.name)):
                names.add(part.strip().lower())
        self._pattern = re.compile(
            r"\b(?:" + "|".join(sorted((re.escape(n) for n in names if len(n) >= 3 and n not in AMBIGUOUS_NAMES), key=len, reverse=True)) + r")\b"
        )

    def named_in_short_question(self, query: str) -> bool:
        words = query.lower().split()
        return len(words) <= SHORT_QUESTION_WORDS and bool(self._pattern.search(" ".join(words)))


def read_outside_questions(path: Path) -> list[str]:
    """The examples of a Rasa NLU file (`nlu: [{intent, examples: "- text\\n..."}]`), or of a
    plain YAML list; [] when the file is missing."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return [str(text).strip() for text in data if str(text).strip()]
    texts: list[str] = []
    for item in (data or {}).get("nlu") or []:
        for line in str(item.get("examples") or "").splitlines():
            text = line.strip()
            if text.startswith("- "):
                texts.append(text[2:].strip())
    return [text for text in texts if text]
