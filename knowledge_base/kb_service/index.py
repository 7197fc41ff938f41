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
from functools import lru_cache
from typing import Literal, Sequence

import bm25s
import numpy as np

from .content import Entry
from .domain import DomainModel
from .embedding import Embedder, EmbeddingCache, encode_texts
from .normalise import english_share, tokens, vocabulary

Mode = Literal["hybrid", "dense", "bm25"]

# Above this many texts a full exact pass costs more than the latency budget, so hybrid search
# scores exactly only the best candidates of each signal.
PREFILTER_ABOVE_TEXTS = 20_000
PREFILTER_CANDIDATES = 64


@dataclass(frozen=True)
class FusionWeights:
    # Share of the dense signal; BM25 gets the rest. English questions lean on the dense model
    # (it is English), Norwegian ones on BM25 over Norwegian-normalised text. The Norwegian share
    # went from 0.35 to 0.45 when the catalogue doubled: routing top-1 0.898 -> 0.910 (make eval).
    dense: float = 0.45
    dense_english: float = 0.7
    english_threshold: float = 0.3
    saturation: float = 12.0

    def dense_share(self, query: str) -> float:
        return self.dense_english if english_share(query) >= self.english_threshold else self.dense

    def squash(self, bm25: np.ndarray) -> np.ndarray:
        return bm25 / (bm25 + self.saturation)

    def fuse(self, query: str, dense: np.ndarray, squashed_bm25: np.ndarray) -> np.ndarray:
        share = self.dense_share(query)
        return share * dense + (1 - share) * squashed_bm25


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


def lexical_document(entry: Entry) -> str:
    return " ".join([entry.title, entry.question, *entry.phrasings, entry.topic, entry.answer])


@lru_cache(maxsize=4096)
def encode_query(embedder: Embedder, text: str) -> np.ndarray:
    """One query's unit vector, remembered: a follow-up's context is the last question, which was
    encoded one turn before (the cache is per process; an entry is a few KB)."""
    vector = embedder.encode([text])[0]
    vector.setflags(write=False)
    return vector


class DenseRetriever:
    def __init__(
        self,
        entries: Sequence[Entry],
        embedder: Embedder,
        cache: EmbeddingCache | None = None,
        known_blocks: dict[str, np.ndarray] | None = None,
    ) -> None:
        texts: list[str] = []
        starts: list[int] = []
        for entry in entries:
            starts.append(len(texts))
            texts.extend(entry.search_texts())
        self._embedder = embedder
        # Each entry's texts are contiguous, so per-entry maxima are one reduceat call.
        self._starts = np.asarray(starts, dtype=np.intp)
        self._ends = np.append(self._starts[1:], len(texts))
        if known_blocks is not None:
            # An update: only entries without vectors (new or changed) are encoded.
            missing = [entry for entry in entries if entry.id not in known_blocks]
            fresh = embedder.encode([t for entry in missing for t in entry.search_texts()]) if missing else None
            blocks, offset = [], 0
            for entry in entries:
                if entry.id in known_blocks:
                    blocks.append(known_blocks[entry.id])
                else:
                    count = len(entry.search_texts())
                    blocks.append(fresh[offset:offset + count])
                    offset += count
            self._vectors = np.concatenate(blocks) if blocks else np.zeros((0, 1), dtype=np.float32)
        else:
            # One normalised float32 matrix; a restart with unchanged content reads it from disk.
            self._vectors = encode_texts(texts, embedder, cache)
        # One mean vector per entry: a cheap first pass when the matrix is large.
        sums = np.add.reduceat(self._vectors, self._starts, axis=0)
        self._centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)

    @property
    def text_count(self) -> int:
        return len(self._vectors)

    @property
    def vectors(self) -> np.ndarray:
        """Every entry text's unit vector, one row each."""
        return self._vectors

    def blocks(self, entries: Sequence[Entry]) -> dict[str, np.ndarray]:
        """Each entry's text vectors, to reuse when the index is rebuilt around a change."""
        return {entry.id: self._vectors[self._starts[i]:self._ends[i]] for i, entry in enumerate(entries)}

    def encode(self, query: str) -> np.ndarray:
        return encode_query(self._embedder, query)

    def scores(self, query: str) -> np.ndarray:
        return self.scores_for(self.encode(query))

    def scores_for(self, query_vector: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(self._vectors @ query_vector, self._starts)

    def centroid_scores(self, query_vector: np.ndarray) -> np.ndarray:
        return self._centroids @ query_vector

    def exact_scores(self, query_vector: np.ndarray, entries: np.ndarray) -> np.ndarray:
        """Best-text similarity for the given entry positions only."""
        rows = np.concatenate([np.arange(self._starts[i], self._ends[i]) for i in entries])
        lengths = self._ends[entries] - self._starts[entries]
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        return np.maximum.reduceat(self._vectors[rows] @ query_vector, offsets)


class LexicalRetriever:
    def __init__(self, entries: Sequence[Entry]) -> None:
        self._size = len(entries)
        self._bm25 = bm25s.BM25()
        documents = [lexical_document(entry) for entry in entries]
        self._bm25.index([tokens(document) for document in documents], show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)
        self._words = vocabulary(documents)

    def scores(self, query: str) -> np.ndarray:
        known = [token for token in tokens(query, self._words) if token in self._vocabulary]
        if not known:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)


def _top(scores: np.ndarray, width: int) -> np.ndarray:
    """Positions of the `width` highest scores, in no particular order."""
    if width >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(-scores, width - 1)[:width]


class SearchIndex:
    def __init__(
        self,
        entries: Sequence[Entry],
        embedder: Embedder,
        weights: FusionWeights = FusionWeights(),
        cache: EmbeddingCache | None = None,
        known_blocks: dict[str, np.ndarray] | None = None,
        outside: np.ndarray | None = None,
        outside_texts: Sequence[str] | None = None,
    ) -> None:
        """`outside`: unit vectors of questions outside the catalogue, and `outside_texts` those
        questions (one per row), for `in_domain` (None: no domain model, `in_domain` is None)."""
        self._entries = list(entries)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._weights = weights
        self._embedder = embedder
        self._dense = DenseRetriever(self._entries, embedder, cache, known_blocks)
        self._lexical = LexicalRetriever(self._entries)
        self._outside = outside
        self._outside_texts = outside_texts
        self._domain = None
        if outside is not None:
            inside_texts = [text for entry in self._entries for text in entry.search_texts()]
            self._domain = DomainModel.fit(
                self._dense.vectors, outside, inside_texts if outside_texts is not None else None, outside_texts
            )

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def updated(self, upserts: Sequence[Entry] = (), removals: Sequence[str] = ()) -> "SearchIndex":
        """A new index with these entries added, replaced or removed; this one is unchanged.

        Only the changed entries are embedded again; the BM25 statistics are recomputed over all
        entries, because IDF is corpus-wide (cheap next to embedding)."""
        changed = {entry.id: entry for entry in upserts}
        removed = set(removals)
        blocks = {k: v for k, v in self._dense.blocks(self._entries).items() if k not in changed and k not in removed}
        entries = [changed.pop(e.id, e) for e in self._entries if e.id not in removed]
        entries += [entry for entry_id, entry in changed.items() if entry_id not in removed]
        return SearchIndex(
            entries, self._embedder, self._weights, known_blocks=blocks, outside=self._outside,
            outside_texts=self._outside_texts,
        )

    def __len__(self) -> int:
        return len(self._entries)

    def in_domain(self, query: str) -> float | None:
        """The chance in [0, 1] that `query` is about what the catalogue covers (`domain.py`), or
        None without a domain model. The query's vector is the one the search encoded (cached)."""
        return None if self._domain is None else self._domain.probability(self._dense.encode(query), query)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def scores(self, query: str, mode: Mode = "hybrid") -> np.ndarray:
        if mode == "dense":
            return self._dense.scores(query)
        squashed = self._weights.squash(self._lexical.scores(query))
        if mode == "bm25":
            return squashed
        return self._weights.fuse(query, self._dense.scores(query), squashed)

    def search_in_context(self, query: str, context: str, k: int) -> list[Hit]:
        """`query` read as a follow-up of `context` (the last question): BM25 over both texts, and
        the dense signal of their mean vector (each query's vector is cached, so the context,
        searched one turn before, costs no second encoding)."""
        combined = f"{context} {query}"
        vector = self._dense.encode(context) + self._dense.encode(query)
        vector = vector / (np.linalg.norm(vector) or 1.0)
        squashed = self._weights.squash(self._lexical.scores(combined))
        return self._best(self._weights.fuse(combined, self._dense.scores_for(vector), squashed), k)

    def search(self, query: str, k: int, mode: Mode = "hybrid") -> list[Hit]:
        if mode == "hybrid" and self._dense.text_count > PREFILTER_ABOVE_TEXTS:
            return self._search_prefiltered(query, k)
        return self._best(self.scores(query, mode), k)

    def _best(self, scores: np.ndarray, k: int) -> list[Hit]:
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(entry=self._entries[i], score=float(scores[i])) for i in order]

    def _search_prefiltered(self, query: str, k: int) -> list[Hit]:
        """Large indexes: exact scores only for the best candidates of either signal.

        Candidates are the top entries by centroid similarity and by BM25; their fused scores
        are computed exactly as in `scores`, so the ranking at the top is the same whenever the
        best entries are among the candidates (measured by `make bench`).
        """
        query_vector = self._dense.encode(query)
        bm25 = self._lexical.scores(query)
        width = min(max(PREFILTER_CANDIDATES, k), len(self._entries))
        candidates = np.union1d(
            _top(self._dense.centroid_scores(query_vector), width), _top(bm25, width)
        )
        fused = self._weights.fuse(
            query,
            self._dense.exact_scores(query_vector, candidates),
            self._weights.squash(bm25[candidates]),
        )
        order = np.argsort(-fused, kind="stable")[:k]
        return [Hit(entry=self._entries[candidates[i]], score=float(fused[i])) for i in order]
