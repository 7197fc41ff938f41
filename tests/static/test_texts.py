"""Fixed bot texts: every response carries its payload, and states only facts from services.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from connectors.safety_net import SILENCE_FALLBACK_TEXTS
from connectors.language import count_markers
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


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_channel_safety_net_states_only_catalogue_facts(lang):
    catalogue = {service["id"]: service for service in load_catalogue()}
    text = SILENCE_FALLBACK_TEXTS[lang]
    assert unknown_facts(text, list(catalogue.values())) == []
    assert catalogue["mental-helse"]["phone"] in text
    assert catalogue["ung-no"]["url"] in text


# Written in English and bokmål at once, for a young person who writes neither.
BILINGUAL_RESPONSES = {"utter_other_language"}


def _condition_language(variation: dict) -> str | None:
    for condition in variation.get("condition") or []:
        if condition.get("type") == "slot" and condition.get("name") == "lang":
            return condition["value"]
    return None


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - BILINGUAL_RESPONSES))
def test_every_fixed_text_exists_in_bokmal_nynorsk_and_english(name):
    by_language: dict[str, list[dict]] = {}
    for variation in RESPONSES[name]:
        lang = _condition_language(variation) or "nb"
        assert variation["custom"]["lang"] == lang, f"{name}: variation for {lang} says {variation['custom']['lang']}"
        by_language.setdefault(lang, []).append(variation)
    assert set(by_language) == {"nb", "nn", "en"}, name
    # The bokmål text is the one without a language condition: it answers when nothing else fits.
    assert any(_condition_language(v) is None for v in RESPONSES[name]), name


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - BILINGUAL_RESPONSES))
def test_nynorsk_texts_read_as_nynorsk(name):
    for variation in RESPONSES[name]:
        if _condition_language(variation) == "nn":
            counts = count_markers(variation["text"])
            assert counts.bokmal <= counts.nynorsk, f"{name}: {variation['text']}"


def test_the_unfact_checker_can_fail():
    assert unknown_facts("Ring 99 99 99 99 eller se https://example.com", load_catalogue()) == [
        "99 99 99 99",
        "https://example.com",
    ]


HANDOFF_MESSAGES = yaml.safe_load((ROOT / "connectors" / "handoff" / "messages.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", sorted(HANDOFF_MESSAGES))
def test_handoff_texts_exist_in_three_languages_and_state_only_catalogue_facts(key):
    catalogue = load_catalogue()
    texts = HANDOFF_MESSAGES[key]
    assert set(texts) == {"nb", "nn", "en"}, key
    for lang, text in texts.items():
        assert unknown_facts(text, catalogue) == [], (key, lang)
    counts = count_markers(texts["nn"])
    assert counts.bokmal <= counts.nynorsk, key


def test_the_offline_handoff_text_gives_the_network_the_emergency_number_and_the_code():
    # The helplines come from the chat network (tests/common/test_network.py checks
    # that 116 123 and 116 111 are in it at every hour of the week).
    for text in HANDOFF_MESSAGES["offline"].values():
        assert "{code}" in text and "{network}" in text and "113" in text
