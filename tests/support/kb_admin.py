"""Shared by the knowledge-base admin tests."""

PASSWORD = "riktig-hest-batteri"
# The bot's KB_SERVICE_TOKEN in the replicas: only searches that carry it are logged for content owners.
SERVICE_TOKEN = "test-service-token-0123456789"


def skatt_entry(entry_id: str, answer: str = "Bestill skattekort på skatteetaten.no.") -> dict:
    return {
        "id": entry_id, "service": "skatteetaten", "directorate": "skatteetaten", "topic": "skattekort",
        "title": "Skattekort for testing", "question": "Hvordan tester jeg skattekort?",
        "phrasings": ["test en", "test to", "test tre", "test fire", "test fem", "test seks"],
        "answer": answer, "checked": "verified", "updated": "2026-11-27",
    }
