"""Fine-tune the embedding model on the knowledge base's own phrasings: `make train-embeddings`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge_base.kb_service.config import DEFAULT_MODEL, KBConfig  # noqa: E402
from knowledge_base.kb_service.content import load_entries  # noqa: E402
from knowledge_base.kb_service.services import load_services  # noqa: E402
from knowledge_base.kb_service.training.embeddings import fine_tune  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default=DEFAULT_MODEL)
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "embeddings")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    config = KBConfig()
    entries = load_entries(config.content_dir, load_services(*config.catalogue_files))
    started = time.monotonic()
    fine_tune(entries, args.base, args.out, epochs=args.epochs)
    print(f"fine-tuned on {len(entries)} entries in {time.monotonic() - started:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
