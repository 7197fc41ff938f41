"""The crisis classifier: fitted on examples, a probability and a category for unseen text."""

from __future__ import annotations

import pytest

from connectors.crisis.classifier import CrisisClassifier, knowledge_base_questions, packaged_examples


@pytest.fixture(scope="module")
def classifier() -> CrisisClassifier:
    examples = packaged_examples()
    subjects = [(text, other) for text, other in zip(examples.crisis, examples.third_person) if other is not None]
    return CrisisClassifier.fit(
        examples.crisis, examples.harmless, zip(examples.crisis, examples.categories), subjects=subjects
    )


def test_packaged_examples_have_both_sides_and_a_category_each():
    examples = packaged_examples()
    assert len(examples.crisis) >= 300 and len(examples.harmless) >= 300
    assert len(examples.categories) == len(examples.crisis)
    assert set(examples.categories) == {"suicide", "self_harm", "violence_home", "sexual_abuse", "acute_danger"}


def test_probabilities_separate_crisis_from_everyday_questions(classifier):
    crisis = classifier.probabilities(["jeg orker ikke mer og vil bare dø", "pappa slår meg når han er full"])
    everyday = classifier.probabilities(["hvordan søker jeg om borteboerstipend", "when does the bus leave"])
    assert min(crisis) > max(everyday)
    assert all(0.0 <= p <= 1.0 for p in crisis + everyday)


def test_category_is_one_of_the_lexicons(classifier):
    [assessment] = classifier.assess(["stefar slår mamma og meg hver helg"])
    assert assessment.category == "violence_home" and assessment.probability > 0.5


def test_the_subject_model_tells_a_worried_friend_from_the_writer(classifier):
    own, friend = classifier.assess(
        ["jeg har kuttet meg selv igjen i natt", "bestevenninna mi kutter seg og vil ikke at jeg sier det"]
    )
    assert own.third_person is False and friend.third_person is True


def test_without_both_kinds_of_subject_there_is_no_subject_model():
    crisis = ["jeg vil dø", "jeg vil ikke leve", "pappa slår meg", "pappa slår meg igjen"]
    fitted = CrisisClassifier.fit(
        crisis, ["hei hei", "hei der", "lekser i dag", "lekser i morgen"],
        zip(crisis, ["suicide", "suicide", "violence_home", "violence_home"]),
        subjects=[(text, False) for text in crisis],
    )
    assert fitted.assess(["jeg vil dø"])[0].third_person is None and fitted.parts["subjects"] is None


def test_fit_refuses_an_empty_side():
    with pytest.raises(ValueError):
        CrisisClassifier.fit([], ["hei"], [("a", "suicide"), ("b", "self_harm")])
    with pytest.raises(ValueError):
        CrisisClassifier.fit(["vil dø"], ["hei"], [("vil dø", "suicide")])


def test_empty_input_gives_no_probabilities(classifier):
    assert classifier.probabilities([]) == [] and classifier.assess([]) == []


def test_knowledge_base_questions_are_read_and_a_missing_directory_is_empty(tmp_path):
    (tmp_path / "a.yml").write_text(
        "entries:\n  - question: Hva gjør NAV?\n    phrasings: [nav hjelp, hjelp fra nav]\n", encoding="utf-8"
    )
    assert knowledge_base_questions(tmp_path) == ["Hva gjør NAV?", "nav hjelp", "hjelp fra nav"]
    assert knowledge_base_questions(tmp_path / "missing") == []


def test_no_evaluation_message_is_a_training_example():
    """Figures come from messages the classifier never saw: the packaged examples share none with
    any evaluation set, and none holds one of four words or more inside it ("kuttet meg på glass og
    det slutter ikke å blø, det spruter" would carry a held-out message with a tail); compared as
    the classifier sees them, without case and punctuation and after the spelling normalisation."""
    from support.eval_sets import eval_sets, key, seen

    examples = packaged_examples()
    training = {key(text) for text in examples.crisis + examples.harmless}
    for found in eval_sets():
        shared = seen([*found.messages, *found.turns], training)
        assert not shared, (found.name, len(shared), shared[:3])


def test_a_question_the_lexicon_flags_is_never_a_harmless_example():
    """KB phrasings and other intents' examples are harmless only when the lexicon does not flag
    them: "mamma slår meg" is a phrasing of an entry, and a disclosure."""
    from connectors.crisis.classifier import Examples, training_sets

    packaged = Examples(("vil dø",), ("leksene dreper meg",), ("suicide",), (False,))
    sets = training_sets(
        packaged,
        ["mamma slår meg", "hva gjør alarmtelefonen"],
        [("hjelp med lånekassen", "ask_question"), ("jeg vil ta livet mitt", "ask_question"), ("orker ikke mer", "crisis")],
    )
    assert sets.crisis == ["vil dø", "orker ikke mer"]
    assert sets.harmless == ["leksene dreper meg", "hva gjør alarmtelefonen", "hjelp med lånekassen"]
    assert sets.categories == [("vil dø", "suicide")]
    assert sets.subjects == [("vil dø", False)]


def test_the_training_cache_sees_a_changed_knowledge_base_question(tmp_path):
    """Rasa restores a component from its cache when its fingerprint is unchanged: the examples and
    the knowledge base's questions are outside Rasa's training data, so they are in the fingerprint."""
    from connectors.crisis.nlu_classifier import CrisisClassifierComponent

    (tmp_path / "a.yml").write_text("entries: [{question: Hva gjør NAV?}]\n", encoding="utf-8")
    config = {"harmless_content": str(tmp_path)}
    before = CrisisClassifierComponent.fingerprint_addon(config)
    assert before == CrisisClassifierComponent.fingerprint_addon(config)
    (tmp_path / "a.yml").write_text("entries: [{question: Hva gjør Lånekassen?}]\n", encoding="utf-8")
    assert CrisisClassifierComponent.fingerprint_addon(config) != before
