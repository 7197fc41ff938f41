"""The vector cache: an unchanged knowledge base is not embedded twice; a change is."""

from __future__ import annotations

import numpy as np

from knowledge_base.kb_service.embedding import EmbeddingCache


class CountingEmbedder:
    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        vectors = np.random.default_rng(len(texts)).random((len(texts), 4), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_second_load_reads_the_cache(tmp_path):
    embedder = CountingEmbedder()
    cache = EmbeddingCache(tmp_path, "model-a")
    first = cache.load_or_encode(["hei", "hallo"], embedder)
    second = cache.load_or_encode(["hei", "hallo"], embedder)
    assert embedder.calls == 1
    assert np.array_equal(first, second)


def test_changed_texts_or_model_are_embedded_again(tmp_path):
    embedder = CountingEmbedder()
    EmbeddingCache(tmp_path, "model-a").load_or_encode(["hei"], embedder)
    EmbeddingCache(tmp_path, "model-a").load_or_encode(["hei", "ny tekst"], embedder)
    EmbeddingCache(tmp_path, "model-b").load_or_encode(["hei"], embedder)
    assert embedder.calls == 3
