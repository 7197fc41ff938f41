"""How knowledge-base results become replies: related entries after a confident answer."""

from __future__ import annotations

from actions.kb_client import KBResult
from actions.replies import answer_reply, related_results


def result(entry_id: str, service: str, score: float, title_en: str | None = None) -> KBResult:
    return KBResult(
        entry_id=entry_id, service=service, directorate=service, title=f"Tittel {entry_id}",
        answer=f"Svar {entry_id}", url=None, score=score, service_name=service, contact="", checked="verified",
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
