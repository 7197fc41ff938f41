"""Shared by the knowledge-base admin tests."""

PASSWORD = "riktig-hest-batteri"


def skatt_entry(entry_id: str, answer: str = "Bestill skattekort på skatteetaten.no.") -> dict:
    return {
        "id": entry_id, "service": "skatteetaten", "directorate": "skatteetaten", "topic": "skattekort",
        "title": "Skattekort for testing", "question": "Hvordan tester jeg skattekort?",
        "phrasings": ["test en", "test to", "test tre", "test fire", "test fem", "test seks"],
        "answer": answer, "checked": "verified", "updated": "2026-11-27",
    }
