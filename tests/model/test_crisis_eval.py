"""The crisis figures the issue asks for, on the dev set, through the trained model as deployed."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.crisis import detect
from connectors.crisis.evaluation import evaluate, load_examples
from connectors.crisis.lexicon import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "data" / "eval_crisis.yml"
MODEL = ROOT / "models" / "ung-veileder.tar.gz"


@pytest.fixture(scope="module")
def examples():
    return load_examples(DEV_SET)


@pytest.fixture(scope="module")
def deployed():
    """The trained model's NLU pipeline, CrisisOverride included: loaded once for the module."""
    from connectors.crisis.model_predict import load_model_predictor

    return load_model_predictor(str(MODEL))


def test_dev_set_is_big_and_covers_every_category_and_language(examples):
    positives = [e for e in examples if e.crisis]
    negatives = [e for e in examples if not e.crisis]
    assert len(positives) >= 80 and len(negatives) >= 80
    assert {e.category for e in positives} == set(CATEGORIES)
    assert {e.lang for e in positives} == {"nb", "nn", "en"}


def test_lexicon_alone_catches_every_dev_crisis(examples):
    # The channel guard relies on the lexicon alone when the bot is down.
    report = evaluate("lexicon", examples, detect)
    assert report.recall == 1.0, "\n".join(report.lines())
    assert report.false_alarm_rate <= 0.05, "\n".join(report.lines())


def test_deployed_model_has_full_recall_and_few_false_alarms(examples, deployed):
    report = evaluate("lexicon + NLU model", examples, deployed)
    assert report.recall == 1.0, "\n".join(report.lines())
    assert report.false_alarm_rate <= 0.05, "\n".join(report.lines())


DEV_SET_2 = ROOT / "tests" / "data" / "eval_crisis_masked.yml"


@pytest.fixture(scope="module")
def examples_2():
    return load_examples(DEV_SET_2)


def test_dev_set_2_is_big_enough(examples_2):
    assert sum(e.crisis for e in examples_2) >= 120
    assert sum(not e.crisis for e in examples_2) >= 120


def test_lexicon_catches_masked_spellings_and_leaves_hard_negatives_alone(examples_2):
    report = evaluate("lexicon, dev 2", examples_2, detect)
    assert report.recall == 1.0, "\n".join(report.lines())
    assert report.false_alarm_rate <= 0.02, "\n".join(report.lines())
    assert report.check_in_rate <= 0.10, "\n".join(report.lines())
    assert report.category_accuracy >= 0.95, "\n".join(report.lines())


def test_deployed_model_on_dev_set_2(examples_2, deployed):
    report = evaluate("lexicon + NLU model, dev 2", examples_2, deployed)
    assert report.recall == 1.0, "\n".join(report.lines())
    assert report.false_alarm_rate <= 0.02, "\n".join(report.lines())
    assert report.check_in_rate <= 0.10, "\n".join(report.lines())
    assert report.category_accuracy >= 0.95, "\n".join(report.lines())
