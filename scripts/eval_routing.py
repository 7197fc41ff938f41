"""Print routing figures on the dev set: hybrid, BM25-only and dense-only side by side.

`make eval` runs it in the service env: top-1 and top-3 service accuracy, MRR, the share of
answers flagged confident and their precision, per-language top-1, the most confused service
pairs, and the confidence calibration that config.py stores.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge_base.kb_service.config import DEFAULT_MODEL, KBConfig  # noqa: E402
from knowledge_base.kb_service.confidence import is_confident  # noqa: E402
from knowledge_base.kb_service.content import load_entries  # noqa: E402
from knowledge_base.kb_service.embedding import load_embedder  # noqa: E402
from knowledge_base.kb_service.evaluation import (  # noqa: E402
    calibrate,
    evaluate_routing,
    load_routing_examples,
)
from knowledge_base.kb_service.index import SearchIndex  # noqa: E402
from knowledge_base.kb_service.services import load_services  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "eval_routing.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=os.environ.get("KB_MODEL", DEFAULT_MODEL))
    parser.add_argument("--data", type=Path, default=DEV_SET)
    args = parser.parse_args()
    config = KBConfig()
    entries = load_entries(config.content_dir, load_services(*config.catalogue_files))
    index = SearchIndex(entries, load_embedder(args.model))
    examples = load_routing_examples(args.data)
    print(f"Routing on {args.data.name}: {len(examples)} messages, {len(entries)} entries, model {args.model}\n")
    reports = {
        mode: evaluate_routing(mode, index, examples, mode, lambda s: is_confident(s, config))
        for mode in ("hybrid", "bm25", "dense")
    }
    print(f"{'':<22}" + "".join(f"{mode:>10}" for mode in reports))
    rows = [
        ("top-1 service", lambda r: r.top1),
        ("top-3 service", lambda r: r.top3),
        ("MRR", lambda r: r.mrr),
        ("confident share", lambda r: r.confident_share),
        ("confident precision", lambda r: r.confident_precision),
    ]
    for label, metric in rows:
        print(f"{label:<22}" + "".join(f"{metric(r):>10.3f}" for r in reports.values()))
    for lang in sorted(reports["hybrid"].by_language()):
        print(f"{'top-1 ' + lang:<22}" + "".join(f"{r.by_language()[lang]:>10.3f}" for r in reports.values()))
    print("\nMost confused (expected -> answered), hybrid:")
    for (expected, answered), count in reports["hybrid"].confusions():
        print(f"  {count:>2}  {expected} -> {answered}")
    print(
        f"\nConfidence in config: threshold {config.confidence_threshold}, margin {config.confidence_margin}"
    )
    for precision in (0.9, 0.93, 0.95, 0.97):
        found = calibrate(reports["hybrid"], precision)
        if found:
            print(
                f"  for precision >= {precision}: threshold {found.threshold:.2f}, margin {found.margin:.2f}"
                f" -> {found.confident_share:.1%} confident at {found.precision:.3f} precision"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
