"""How knowledge-base results become replies: related entries after a confident answer."""

from __future__ import annotations

from actions.kb_client import KBResult
import pytest

from actions.replies import answer_reply, has_next_step, related_results


def result(
    entry_id: str, service: str, score: float, title_en: str | None = None, url: str | None = "https://example.no",
    answer: str | None = None,
) -> KBResult:
    return KBResult(
        entry_id=entry_id, service=service, directorate=service, title=f"Tittel {entry_id}",
        answer=answer or f"Svar {entry_id}", url=url, score=score, service_name=service, contact="", checked="verified",
        title_en=title_en,
    )


def test_related_entries_are_of_the_same_service_and_close_enough():
    results = [
        result("borteboer", "lanekassen", 0.9),
        result("skattekort", "skatteetaten", 0.8),
        result("utstyr", "lanekassen", 0.7, title_en="Equipment grant"),
        result("bostipend", "lanekassen", 0.3),
    ]
    assert [r.entry_id for r in related_results(results, limit=2, min_share=0.6)] == ["utstyr"]
    assert related_results(results, limit=0, min_share=0.6) == []
    assert related_results([], limit=2, min_share=0.6) == []


def test_related_entries_become_quick_replies_in_the_conversation_language():
    top, related = result("borteboer", "lanekassen", 0.9), result("utstyr", "lanekassen", 0.7, title_en="Equipment grant")
    reply = answer_reply(top, "en", [related])
    assert reply.buttons == [{"title": "Equipment grant", "payload": '/choose_entry{"entry_id": "utstyr"}'}]
    assert reply.custom["related"] == [{"entry_id": "utstyr", "title": "Equipment grant"}]
    assert answer_reply(top, "nb").buttons == []


PERSON = {"title": "Talk to an adult", "payload": "/request_human"}


def test_an_answer_without_a_link_or_a_number_offers_a_person():
    bare = result("bup-hva-er", "bup", 0.9, url=None, answer="BUP hjelper barn og unge. Spør fastlegen om henvisning.")
    assert answer_reply(bare, "en").buttons == [PERSON]


@pytest.mark.parametrize("url,answer", [
    ("https://www.ung.no", "Svar uten nummer."),
    (None, "Ring Mental Helse på 116 123, hele døgnet."),
    (None, "Ring NAV på 55 55 33 33."),
    (None, "Les mer på https://www.ung.no/oss."),
])
def test_an_answer_with_a_link_or_a_number_needs_no_person_button(url, answer):
    assert PERSON not in answer_reply(result("x", "s", 0.9, url=url, answer=answer), "en").buttons


@pytest.mark.parametrize("text", ["kl. 14-22", "16-30 år", "i 2026", "300 kr", "18 år"])
def test_times_ages_years_and_prices_are_no_phone_numbers(text):
    assert not has_next_step(text)
