"""The shared bad-input vectors (tests/data/bad_input.yml) as request bodies and field values."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

VECTORS = Path(__file__).resolve().parents[1] / "data" / "bad_input.yml"


@lru_cache(maxsize=1)
def vectors() -> dict[str, Any]:
    return yaml.safe_load(VECTORS.read_text(encoding="utf-8"))


def _body(spec: dict[str, Any]) -> bytes:
    if "integer_digits" in spec:
        return b'{"message": ' + b"9" * int(spec["integer_digits"]) + b', "username": 1}'
    depth = int(spec["depth"])
    return (spec["nest"] * depth + spec.get("inner", "") + spec["close"] * depth).encode()


def unreadable_bodies() -> dict[str, bytes]:
    """Bodies every JSON endpoint must refuse with 400 malformed_json (name -> bytes)."""
    return {name: _body(spec) for name, spec in vectors()["bodies"].items()}


def unstorable_texts() -> dict[str, str]:
    """Text values with lone surrogates or NULs (name -> str)."""
    return dict(vectors()["texts"])


def id_suffixes() -> dict[str, str]:
    """What is appended to a valid id to make it invalid (name -> str)."""
    return dict(vectors()["ids"])
