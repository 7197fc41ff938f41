"""The domain model (kb_service/domain.py): is a question about what the catalogue covers at all?"""

from __future__ import annotations

import numpy as np
import pytest

from knowledge_base.kb_service import KBConfig, create_app
from knowledge_base.kb_service.domain import DomainModel, read_outside_questions

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_model_tells_the_two_sides_apart():
    rng = np.random.default_rng(7)
    inside = unit(rng.normal(size=(200, 16)) + np.eye(16)[0] * 4)
    outside = unit(rng.normal(size=(40, 16)) - np.eye(16)[0] * 4)
    model = DomainModel.fit(inside, outside)
    assert model.probability(unit(np.eye(16)[:1])[0]) > 0.9
    assert model.probability(unit(-np.eye(16)[:1])[0]) < 0.1


def test_no_model_without_one_side():
    assert DomainModel.fit(np.ones((3, 4)), np.zeros((0, 4))) is None


def test_outside_questions_are_read_from_nlu_files_and_plain_lists(tmp_path):
    nlu = tmp_path / "nlu.yml"
    nlu.write_text('version: "3.1"\nnlu:\n- intent: out_of_scope\n  examples: |\n    - beste skins i fortnite\n    - hva er pytagoras\n')
    plain = tmp_path / "plain.yml"
    plain.write_text("- beste skins i fortnite\n- ' '\n")
    assert read_outside_questions(nlu) == ["beste skins i fortnite", "hva er pytagoras"]
    assert read_outside_questions(plain) == ["beste skins i fortnite"]
    assert read_outside_questions(tmp_path / "missing.yml") == []


@pytest.fixture
def domain_client(embedder, tmp_path):
    from sanic import Sanic

    outside = tmp_path / "outside.yml"
    outside.write_text("\n".join(f"- {text}" for text in [
        "beste skins i fortnite", "hvordan bygger man en farm i minecraft", "hva er pytagoras setning",
        "tips til å lære gitar", "hvem vant fotball-VM", "oppskrift på pannekaker", "hva er klokka i new york",
        "beste anime å starte med", "hvordan tegner man hender", "løs 3x + 7 = 22",
    ]) + "\n")
    Sanic.test_mode = True
    app = create_app(KBConfig(content_dir=FIXTURES / "content", cache_dir=None, outside_file=outside), embedder=embedder)
    yield app.asgi_client
    Sanic._app_registry.clear()


async def test_search_says_how_likely_a_question_is_inside_the_catalogue(domain_client):
    _, inside = await domain_client.get("/v1/search", params={"q": "hvordan får jeg skattekort"})
    _, outside = await domain_client.get("/v1/search", params={"q": "hvordan får man diamanter i minecraft"})
    assert inside.json["in_domain"] > 0.5 > outside.json["in_domain"]


async def test_without_outside_questions_there_is_no_in_domain(embedder, tmp_path):
    from sanic import Sanic

    Sanic.test_mode = True
    config = KBConfig(
        content_dir=FIXTURES / "content", cache_dir=None, outside_file=tmp_path / "none.yml",
        outside_more_file=tmp_path / "none either.yml",
    )
    app = create_app(config, embedder=embedder)
    _, response = await app.asgi_client.get("/v1/search", params={"q": "hvordan får jeg skattekort"})
    Sanic._app_registry.clear()
    assert set(response.json) == {"results", "confident", "named"}


def test_a_short_question_that_names_a_service_is_about_it():
    from types import SimpleNamespace

    from knowledge_base.kb_service.domain import ServiceNames

    names = ServiceNames({
        "rusinfo": SimpleNamespace(name="RUSinfo"),
        "kors-pa-halsen": SimpleNamespace(name="Kors på halsen (Røde Kors)"),
        "fri": SimpleNamespace(name="FRI - Foreningen for kjønns- og seksualitetsmangfold"),
    })
    assert names.named_in_short_question("kva gjer rusinfo")
    assert names.named_in_short_question("hva gjør kors på halsen?")
    assert names.named_in_short_question("røde kors åpent nå")
    # a long message with a name in it may be about anything; an everyday word is not a name
    assert not names.named_in_short_question("hvem designa logoen til rusinfo, den er så stygg lol")
    assert not names.named_in_short_question("har vi fri i morgen")


def test_the_words_count_when_the_vectors_cannot_tell():
    # Every vector the same: only the texts' words can separate the two sides, as they must for a
    # service word the English embedding model does not know ("fastlege").
    inside = np.tile(unit(np.ones((1, 8))), (60, 1))
    outside = np.tile(unit(np.ones((1, 8))), (30, 1))
    inside_texts = [f"bytte fastlege nummer {i % 3}" for i in range(60)]
    outside_texts = [f"beste skins fortnite sesong {i % 3}" for i in range(30)]
    model = DomainModel.fit(inside, outside, inside_texts, outside_texts)
    vector = unit(np.ones((1, 8)))[0]
    assert model.probability(vector, "how do i change my fastlege") > 0.7
    assert model.probability(vector, "fortnite skins") < 0.3


def test_texts_must_pair_with_vectors():
    with pytest.raises(ValueError):
        DomainModel.fit(np.ones((3, 4)), np.ones((2, 4)), ["a", "b"], ["c", "d"])
