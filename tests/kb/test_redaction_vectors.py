"""The service env redacts with the same module and the same vectors as the bot env."""

from __future__ import annotations

from pathlib import Path

import yaml

from connectors.redaction import redact

VECTORS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "pii.yml").read_text(encoding="utf-8"))


def test_the_shared_vectors_hold_in_the_service_env():
    for case in VECTORS["positives"]:
        assert redact(case["text"]) == case["redacted"], case["text"]
    for text in VECTORS["negatives"]:
        assert redact(text) == text
