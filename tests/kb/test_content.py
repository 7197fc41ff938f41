"""The content schema: real content loads, and every kind of bad entry is named precisely."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from connectors.language import count_markers

from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.content import MAX_ANSWER_CHARS, load_entries
from knowledge_base.kb_service.errors import ContentError
from knowledge_base.kb_service.services import load_services
from support.facts import known_urls, load_catalogue, unknown_facts

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content" / "fixture.yml"


@pytest.fixture(scope="module")
def services():
    return load_services(*KBConfig().catalogue_files)


def good_entry() -> dict:
    return yaml.safe_load(FIXTURE_CONTENT.read_text(encoding="utf-8"))["entries"][0]


def write_content(directory: Path, entries: list, name: str = "bad.yml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump({"entries": entries}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped(services):
    return load_entries(KBConfig().content_dir, services)


def test_shipped_content_covers_every_service(services, shipped):
    assert len(shipped) >= 320
    per_service = Counter(entry.service for entry in shipped)
    assert {service: per_service[service] for service in services if per_service[service] < 3} == {}


def test_every_service_has_its_own_file(services):
    names = {path.stem for path in KBConfig().content_dir.glob("*.yml")}
    assert names == set(services)


def test_phrasings_are_not_shared_between_entries(shipped):
    owner: dict[str, str] = {}
    for entry in shipped:
        for text in (entry.question, *entry.phrasings):
            key = " ".join(text.lower().split())
            assert owner.setdefault(key, entry.id) == entry.id, f"{text!r}: {owner[key]} and {entry.id}"


def test_links_come_from_the_catalogue(shipped):
    known = known_urls(load_catalogue())
    for entry in shipped:
        for link in entry.links:
            assert link.url in known, f"{entry.id}: {link.url}"


def test_uncertain_facts_send_the_reader_to_the_service_site(shipped):
    for entry in shipped:
        if entry.checked == "uncertain":
            assert "sjekk" in entry.answer.lower(), entry.id


def test_answer_nn_is_nynorsk_not_bokmal(shipped):
    # The same marker lists the bot's language detector uses.
    for entry in shipped:
        if entry.answer_nn:
            counts = count_markers(entry.answer_nn)
            assert counts.bokmal <= counts.nynorsk, f"{entry.id}: answer_nn reads as bokmål"
            assert counts.nynorsk > 0, f"{entry.id}: answer_nn has no nynorsk marker"


def test_answer_en_is_english(shipped):
    for entry in shipped:
        if entry.answer_en:
            counts = count_markers(entry.answer_en)
            assert counts.english > counts.bokmal + counts.nynorsk, f"{entry.id}: answer_en is not English"


def test_the_marker_check_can_fail():
    bokmal = "Jeg vet ikke hva du trenger, men du kan søke hjemme."
    counts = count_markers(bokmal)
    assert counts.bokmal > counts.nynorsk


def test_english_title_and_answer_are_searched_by_the_embedding_model(shipped):
    entry = next(e for e in shipped if e.title_en and e.answer_en and e.title_nn)
    texts = entry.search_texts()
    assert {entry.question, entry.title, entry.title_nn, entry.title_en, entry.answer_en} <= set(texts)
    assert entry.answer not in texts  # the bokmål answer is BM25's, not the dense model's


def test_every_entry_has_nynorsk_and_english(shipped):
    missing = [entry.id for entry in shipped if not (entry.answer_nn and entry.answer_en and entry.title_nn and entry.title_en)]
    assert missing == []


def test_every_content_file_holds_one_service(services):
    for path in sorted(KBConfig().content_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert len({entry["service"] for entry in data["entries"]}) == 1, path.name


def test_shipped_answers_give_only_numbers_and_links_from_the_catalogue():
    catalogue = load_catalogue()
    for entry in load_entries(KBConfig().content_dir, load_services(*KBConfig().catalogue_files)):
        for text in filter(None, (entry.answer, entry.answer_nn, entry.answer_en)):
            assert unknown_facts(text, catalogue) == [], entry.id


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda e: e.update(service="no-such-service"), "service"),
        (lambda e: e.pop("answer"), "answer"),
        (lambda e: e.update(answer="a" * (MAX_ANSWER_CHARS + 1)), "answer"),
        (lambda e: e.update(phrasings=["bare en"]), "phrasings"),
        (lambda e: e.update(directorate="nav"), "directorate"),
        (lambda e: e.update(checked="uncertain"), "checked"),
        (lambda e: e.update(id="Not A Slug"), "id"),
        (lambda e: e.update(links=[{"title": "x", "url": "javascript:alert(1)"}]), "links.0.url"),
        (lambda e: e.update(surprise="field"), "surprise"),
    ],
)
def test_bad_entry_names_file_entry_and_field(tmp_path, services, change, field):
    entry = good_entry()
    change(entry)
    path = write_content(tmp_path, [entry])
    with pytest.raises(ContentError) as raised:
        load_entries(tmp_path, services)
    message = str(raised.value)
    assert str(path) in message
    assert "fixture-skattekort" in message or "#1" in message
    assert f"field '{field}'" in message


def test_duplicate_id_across_files_is_refused(tmp_path, services):
    write_content(tmp_path, [good_entry()], "a.yml")
    second = write_content(tmp_path, [good_entry()], "b.yml")
    with pytest.raises(ContentError, match="duplicate") as raised:
        load_entries(tmp_path, services)
    assert str(second) in str(raised.value)
    assert "field 'id'" in str(raised.value)


def test_broken_yaml_names_the_file(tmp_path, services):
    path = tmp_path / "broken.yml"
    path.write_text("entries: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match="broken.yml"):
        load_entries(tmp_path, services)


def test_binary_file_names_the_file(tmp_path, services):
    path = tmp_path / "binary.yml"
    path.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(ContentError, match="binary.yml"):
        load_entries(tmp_path, services)


def test_empty_content_dir_is_refused(tmp_path, services):
    with pytest.raises(ContentError, match="no content files"):
        load_entries(tmp_path, services)


def lix(text: str) -> float:
    """Läsbarhetsindex: words per sentence plus the share of words over six letters, in percent."""
    import re

    words = re.findall(r"[^\W\d_]+", text)
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text)))
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long_words / max(1, len(words))


def test_lix_counts_long_sentences_and_long_words():
    assert lix("Du kan søke. Det er lett.") < 20
    assert lix("Dokumentasjonsforpliktelsene tilsier omfattende saksbehandlingsrutiner ved klagebehandling") > 60


def test_answers_are_plain_language_lix_median_at_most_40(shipped):
    """Klarspråk: the median LIX of the bokmål answers stays at 40 or under (issue 21)."""
    scores = sorted(lix(entry.answer) for entry in shipped)
    assert scores[len(scores) // 2] <= 40, scores[len(scores) // 2]


def test_no_evaluation_message_is_a_phrasing():
    """Figures come from messages the search never saw: no text the search matches an entry by
    (`Entry.search_texts`: question, titles, phrasings, English answer) equals a message of any
    evaluation set, or holds one of four words or more inside it (an evaluation
    message with a tail); compared as the search sees them, without case and punctuation and after
    the spelling normalisation ("kva er" is "hva er")."""
    from support.eval_sets import eval_sets, key, seen

    config = KBConfig()
    entries = load_entries(config.content_dir, load_services(*config.catalogue_files))
    searched = {key(text) for entry in entries for text in entry.search_texts()}
    for found in eval_sets():
        shared = seen([*found.messages, *found.turns], searched)
        assert not shared, (found.name, len(shared), shared[:3])
