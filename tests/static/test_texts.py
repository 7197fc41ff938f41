"""Fixed bot texts: every response carries its payload, and states only facts from services.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from connectors.safety_net import SILENCE_FALLBACK_TEXT
from support.facts import load_catalogue, unknown_facts

ROOT = Path(__file__).resolve().parents[2]


def all_responses() -> dict[str, list[dict]]:
    responses: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        responses.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return responses


RESPONSES = all_responses()


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_response_variation_has_kind_and_lang(name):
    for variation in RESPONSES[name]:
        assert variation.get("custom", {}).get("kind"), name
        assert variation["custom"].get("lang") in ("nb", "nn", "en"), name


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_texts_state_only_catalogue_facts(name):
    catalogue = load_catalogue()
    for variation in RESPONSES[name]:
        assert unknown_facts(variation["text"], catalogue) == []


@pytest.mark.parametrize("name", ["utter_kb_unavailable", "utter_no_match"])
def test_fallbacks_point_to_ung_no_and_mental_helse(name):
    catalogue = {service["id"]: service for service in load_catalogue()}
    for variation in RESPONSES[name]:
        assert variation["custom"]["kind"] == "fallback"
        assert catalogue["mental-helse"]["phone"] in variation["text"]
        assert catalogue["ung-no"]["url"] in variation["text"]


def test_channel_safety_net_states_only_catalogue_facts():
    catalogue = {service["id"]: service for service in load_catalogue()}
    assert unknown_facts(SILENCE_FALLBACK_TEXT, list(catalogue.values())) == []
    assert catalogue["mental-helse"]["phone"] in SILENCE_FALLBACK_TEXT
    assert catalogue["ung-no"]["url"] in SILENCE_FALLBACK_TEXT


def test_the_unfact_checker_can_fail():
    assert unknown_facts("Ring 99 99 99 99 eller se https://example.com", load_catalogue()) == [
        "99 99 99 99",
        "https://example.com",
    ]
