"""The search index: entries embedded once, a young person's question ranked against them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .content import Entry
from .embedding import Embedder


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


class SearchIndex:
    def __init__(self, entries: Sequence[Entry], embedder: Embedder) -> None:
        self._entries = list(entries)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._embedder = embedder
        texts: list[str] = []
        owners: list[int] = []
        for position, entry in enumerate(self._entries):
            for text in entry.search_texts():
                texts.append(text)
                owners.append(position)
        self._owners = np.asarray(owners)
        self._vectors = embedder.encode(texts)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def search(self, query: str, k: int) -> list[Hit]:
        query_vector = self._embedder.encode([query])[0]
        similarities = self._vectors @ query_vector
        # An entry scores as its best-matching text, so each entry appears once.
        best = np.full(len(self._entries), -1.0, dtype=np.float32)
        np.maximum.at(best, self._owners, similarities)
        order = np.argsort(-best)[:k]
        return [Hit(entry=self._entries[i], score=float(best[i])) for i in order]
