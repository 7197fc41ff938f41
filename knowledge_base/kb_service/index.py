"""The search index: entries embedded and BM25-indexed once; a question ranked by both signals.

Dense similarity is each entry's best match among its question, title and phrasings. BM25 runs
over each entry's text as one document, normalised for Norwegian (see `normalise`). The fused
score is a weighted sum of the cosine similarity and the saturated BM25 score
`bm25 / (bm25 + saturation)`, so both lie in [0, 1] and the score keeps an absolute meaning that
the confidence threshold can rely on. The weights were chosen on the routing dev set
(`make eval` shows the baselines beside the fusion).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

import bm25s
import numpy as np

from .content import Entry
from .embedding import Embedder
from .normalise import english_share, tokens

Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class FusionWeights:
    # Share of the dense signal; BM25 gets the rest. English questions lean on the dense model
    # (it is English), Norwegian ones on BM25 over Norwegian-normalised text.
    dense: float = 0.35
    dense_english: float = 0.7
    english_threshold: float = 0.3
    saturation: float = 12.0

    def dense_share(self, query: str) -> float:
        return self.dense_english if english_share(query) >= self.english_threshold else self.dense


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


def lexical_document(entry: Entry) -> str:
    return " ".join([entry.title, entry.question, *entry.phrasings, entry.topic, entry.answer])


class DenseRetriever:
    def __init__(self, entries: Sequence[Entry], embedder: Embedder) -> None:
        texts: list[str] = []
        owners: list[int] = []
        for position, entry in enumerate(entries):
            for text in entry.search_texts():
                texts.append(text)
                owners.append(position)
        self._embedder = embedder
        self._owners = np.asarray(owners)
        self._size = len(entries)
        self._vectors = embedder.encode(texts)  # one normalised float32 matrix

    def scores(self, query: str) -> np.ndarray:
        similarities = self._vectors @ self._embedder.encode([query])[0]
        best = np.full(self._size, -1.0, dtype=np.float32)
        np.maximum.at(best, self._owners, similarities)
        return best


class LexicalRetriever:
    def __init__(self, entries: Sequence[Entry]) -> None:
        self._size = len(entries)
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokens(lexical_document(entry)) for entry in entries], show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)

    def scores(self, query: str) -> np.ndarray:
        known = [token for token in tokens(query) if token in self._vocabulary]
        if not known:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)


class SearchIndex:
    def __init__(
        self,
        entries: Sequence[Entry],
        embedder: Embedder,
        weights: FusionWeights = FusionWeights(),
    ) -> None:
        self._entries = list(entries)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._weights = weights
        self._dense = DenseRetriever(self._entries, embedder)
        self._lexical = LexicalRetriever(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def scores(self, query: str, mode: Mode = "hybrid") -> np.ndarray:
        if mode == "dense":
            return self._dense.scores(query)
        bm25 = self._lexical.scores(query)
        squashed = bm25 / (bm25 + self._weights.saturation)
        if mode == "bm25":
            return squashed
        share = self._weights.dense_share(query)
        return share * self._dense.scores(query) + (1 - share) * squashed

    def search(self, query: str, k: int, mode: Mode = "hybrid") -> list[Hit]:
        scores = self.scores(query, mode)
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(entry=self._entries[i], score=float(scores[i])) for i in order]
