"""Crisis answers: every variant gives the four numbers, facts match services.yml, and the
generated Rasa domain says exactly what the channel guard says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from connectors.crisis import CrisisSignal, crisis_message
from connectors.crisis.answers import load_messages
from connectors.crisis.lexicon import CATEGORIES
from support.facts import load_catalogue, unknown_facts

ROOT = Path(__file__).resolve().parents[3]
VARIANTS = [
    (lang, category, subject)
    for lang, answers in load_messages()["answers"].items()
    for category in CATEGORIES
    for subject in ("self", "other")
]


def catalogue_by_id() -> dict:
    return {service["id"]: service for service in load_catalogue()}


@pytest.mark.parametrize(("lang", "category", "subject"), VARIANTS)
def test_every_answer_names_who_to_call_now(lang, category, subject):
    services = catalogue_by_id()
    text = load_messages()["answers"][lang][category][subject]
    assert services["nodnummer"]["phone"]["medical"] in text  # 113
    assert services["mental-helse"]["phone"] in text  # 116 123
    assert services["alarmtelefonen"]["phone"] in text  # 116 111
    assert services["kors-pa-halsen"]["phone"] in text  # 800 33 321
    assert "14-22" in text and "korspahalsen.no" in text  # its hours, and where to check them
    assert unknown_facts(text, load_catalogue()) == []
    assert len(text) <= 600


@pytest.mark.parametrize("category", CATEGORIES)
def test_crisis_message_payload(category):
    message = crisis_message("s1", CrisisSignal(category, True, "test"))
    assert message["recipient_id"] == "s1"
    assert message["custom"] == {
        "kind": "crisis", "category": category, "subject": "other", "priority": "urgent", "lang": "nb",
    }
    assert message["buttons"][0]["payload"] == "/request_human"


def test_generated_domain_is_up_to_date():
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_crisis_domain.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.TARGET.read_text(encoding="utf-8") == build.build(), "run `make domain`"
