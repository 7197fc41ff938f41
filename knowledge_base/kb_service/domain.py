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

The embedding alone put in-catalogue questions written with Norwegian service words in English
("how do i change my fastlege") or in dialect outside; so the texts' words count too: TF-IDF over
the search's own normalised tokens (`normalise.tokens`, word uni- and bigrams) beside the vector.
At the same share of outside questions let through on the coverage dev set, the share of the
end-to-end dev sets' questions put outside fell from 0.008-0.051 to 0.000-0.016 (ROC AUC 0.905 ->
0.956 over the dev sets).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

import numpy as np
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .normalise import tokens

# logistic regression C and the class balance: the outside side is small (about 230 questions
# against 3,000+ entry texts), so the classes are weighed evenly.
REGULARISATION = 4.0
# The word features' weight beside the unit vector, and the rarest word kept (in this many texts).
# Chosen on the coverage and end-to-end dev sets (weights 0.5, 1 and 2; word and character n-grams).
LEXICAL_WEIGHT = 2.0
MIN_TEXTS_PER_WORD = 2


def _normalised(text: str) -> str:
    return " ".join(tokens(text))


class DomainModel:
    """`probability(vector, text)`: the chance in [0, 1] that a question (its unit vector, and its
    text when the model was fitted with texts) is inside the catalogue."""

    def __init__(self, model: LogisticRegression, words: TfidfVectorizer | None = None) -> None:
        self._model = model
        self._words = words

    @classmethod
    def fit(
        cls,
        inside: np.ndarray,
        outside: np.ndarray,
        inside_texts: Sequence[str] | None = None,
        outside_texts: Sequence[str] | None = None,
    ) -> "DomainModel | None":
        """Fit on inside and outside vectors (rows), and their texts (one per row) when given;
        None when either side is empty. ValueError when texts and rows do not pair up."""
        if len(inside) == 0 or len(outside) == 0:
            return None
        features = np.vstack([inside, outside])
        words = None
        if inside_texts is not None and outside_texts is not None:
            if len(inside_texts) != len(inside) or len(outside_texts) != len(outside):
                raise ValueError("the domain model needs one text per vector")
            words = TfidfVectorizer(
                analyzer="word", ngram_range=(1, 2), min_df=MIN_TEXTS_PER_WORD, sublinear_tf=True
            )
            counts = words.fit_transform([_normalised(t) for t in [*inside_texts, *outside_texts]])
            features = hstack([csr_matrix(features), counts * LEXICAL_WEIGHT]).tocsr()
        model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=5000, random_state=7)
        model.fit(features, np.r_[np.ones(len(inside)), np.zeros(len(outside))])
        return cls(model, words)

    def probability(self, vector: np.ndarray, text: str = "") -> float:
        features = vector.reshape(1, -1)
        if self._words is not None:
            counts = self._words.transform([_normalised(text)])
            features = hstack([csr_matrix(features), counts * LEXICAL_WEIGHT]).tocsr()
        return float(self._model.predict_proba(features)[0, 1])


# Service names that are everyday words too ("fri" is a day off, "ros" praise, a "kompass" a compass).
AMBIGUOUS_NAMES = frozenset({"fri", "ros", "kompasset", "hva er innafor", "det finnes hjelp"})
# A question this short that names a service is about it ("kva gjer rusinfo", "nav help pls").
SHORT_QUESTION_WORDS = 5


def is_short(query: str) -> bool:
    """A question of at most `SHORT_QUESTION_WORDS` words."""
    return len(query.split()) <= SHORT_QUESTION_WORDS


class ServiceNames:
    """The catalogue's service names and ids, to tell when a question names one."""

    def __init__(self, services: dict) -> None:
        self._ids: dict[str, str] = {}
        for service_id, service in services.items():
            self._ids.setdefault(service_id.replace("-", " "), service_id)
            for part in re.split(r" \(| - | / |\)", str(service.name)):
                self._ids.setdefault(part.strip().lower(), service_id)
        names = [n for n in self._ids if len(n) >= 3 and n not in AMBIGUOUS_NAMES]
        self._pattern = re.compile(
            r"\b(" + "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + r")\b"
        )

    def named_in_short_question(self, query: str) -> bool:
        return is_short(query) and bool(self.named(query))

    def named(self, query: str) -> list[str]:
        """The ids of the services a question names ("what about the fastlege" -> ["fastlege"]),
        in order of mention, each once."""
        found: list[str] = []
        for match in self._pattern.finditer(" ".join(query.lower().split())):
            service_id = self._ids[match.group(1)]
            if service_id not in found:
                found.append(service_id)
        return found


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
