"""Routing quality on the dev set, with the real model and the shipped content (figures: `make eval`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.confidence import is_confident
from knowledge_base.kb_service.content import load_entries
from knowledge_base.kb_service.evaluation import evaluate_routing, load_routing_examples
from knowledge_base.kb_service.index import SearchIndex
from knowledge_base.kb_service.services import load_services

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "eval_routing.yml"


@pytest.fixture(scope="module")
def reports(embedder):
    config = KBConfig()
    services = load_services(*config.catalogue_files)
    index = SearchIndex(load_entries(config.content_dir, services), embedder)
    examples = load_routing_examples(DEV_SET)
    return {
        mode: evaluate_routing(mode, index, examples, mode, lambda s: is_confident(s, config))
        for mode in ("hybrid", "bm25", "dense")
    }


def test_dev_set_covers_every_service_and_language():
    config = KBConfig()
    first = set(load_services(config.services_file))
    catalogue = set(load_services(*config.catalogue_files))
    examples = load_routing_examples(DEV_SET)
    assert len(examples) >= 200
    # services-added.yml's services join as the dev set is extended for them (issue 21).
    assert first <= set().union(*(e.expected for e in examples)) <= catalogue
    assert {e.lang for e in examples} == {"nb", "nn", "en"}


def test_hybrid_routes_at_least_nine_in_ten_right(reports):
    assert reports["hybrid"].top1 >= 0.90


def test_hybrid_beats_both_baselines(reports):
    assert reports["hybrid"].top1 > reports["bm25"].top1
    assert reports["hybrid"].top1 > reports["dense"].top1


def test_confident_answers_are_mostly_right(reports):
    # The threshold in config was chosen for this: when unsure, the bot asks instead of guessing.
    assert reports["hybrid"].confident_precision >= 0.93
    assert reports["hybrid"].confident_share >= 0.6


ADDED_SET = DEV_SET.with_name("eval_routing_added.yml")


def test_added_services_have_their_own_dev_set_and_are_found(embedder):
    """services-added.yml's services: 3-4 questions each, written from the catalogue alone."""
    config = KBConfig()
    added = set(load_services(*config.catalogue_files)) - set(load_services(config.services_file))
    examples = load_routing_examples(ADDED_SET)
    assert added <= set().union(*(e.expected for e in examples))
    index = SearchIndex(load_entries(config.content_dir, load_services(*config.catalogue_files)), embedder)
    report = evaluate_routing("hybrid", index, examples, "hybrid", lambda s: is_confident(s, config))
    assert report.top1 >= 0.8  # 0.843 when written (make eval)
