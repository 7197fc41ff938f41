"""Reading evaluation files (connectors/crisis/evaluation.py)."""

from __future__ import annotations

import pytest

from connectors.crisis.evaluation import load_examples


@pytest.mark.parametrize("key", ["non_crisis", "harmless"])
def test_harmless_messages_are_read_under_either_key(tmp_path, key):
    path = tmp_path / "set.yml"
    path.write_text(
        "crisis:\n  - {text: vil dø, category: suicide, lang: nb, third_person: false}\n"
        f"{key}:\n  - {{text: leksa dreper meg, lang: nb, kind: idiom}}\n",
        encoding="utf-8",
    )
    crisis, harmless = load_examples(path)
    assert (crisis.crisis, crisis.category, harmless.crisis, harmless.kind) == (True, "suicide", False, "idiom")
