"""Fine-tune the embedding model on the entries' own (phrasing, question) pairs.

MultipleNegativesRankingLoss treats the other entries in a batch as negatives, so the model
learns to put every way of asking close to its entry and away from the others. Runs on the CPU
in a few minutes; `make train-embeddings` saves the result under models/embeddings/, which the
service then uses instead of the packaged model.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Sequence

from ..content import Entry
from ..embedding import resolve_model_path


def training_pairs(entries: Sequence[Entry], seed: int = 7) -> list[tuple[str, str]]:
    pairs = []
    for entry in entries:
        anchor = f"{entry.title}. {entry.question}"
        for phrasing in entry.phrasings:
            pairs.append((phrasing, anchor))
        pairs.append((entry.question, f"{entry.title}. {entry.answer}"))
    random.Random(seed).shuffle(pairs)
    return pairs


def fine_tune(
    entries: Sequence[Entry],
    base_model: str,
    output_dir: Path,
    epochs: int = 2,
    batch_size: int = 32,
    seed: int = 7,
) -> Path:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from datasets import Dataset
    from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer
    from sentence_transformers.losses import MultipleNegativesRankingLoss
    from sentence_transformers.training_args import BatchSamplers, SentenceTransformerTrainingArguments

    torch.manual_seed(seed)
    model = SentenceTransformer(resolve_model_path(base_model), device="cpu")
    pairs = training_pairs(entries, seed)
    dataset = Dataset.from_dict({"anchor": [a for a, _ in pairs], "positive": [p for _, p in pairs]})
    arguments = SentenceTransformerTrainingArguments(
        output_dir=str(output_dir / "checkpoints"),
        num_train_epochs=epochs,
        per_device_train_batch_size=batch_size,
        learning_rate=5e-5,
        warmup_ratio=0.1,
        batch_sampler=BatchSamplers.NO_DUPLICATES,
        save_strategy="no",
        logging_steps=50,
        report_to=[],
        seed=seed,
        use_cpu=True,
    )
    trainer = SentenceTransformerTrainer(
        model=model,
        args=arguments,
        train_dataset=dataset,
        loss=MultipleNegativesRankingLoss(model),
    )
    trainer.train()
    model.save(str(output_dir))
    return output_dir
