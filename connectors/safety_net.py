"""What a channel says when the bot pipeline fails or stays silent. Depends on nothing else.

The facts (ung.no, Mental Helse 116 123) come from services.yml; a test holds them to it.
"""

from __future__ import annotations

from typing import Any

SILENCE_FALLBACK_TEXT = (
    "Beklager, noe gikk galt hos meg akkurat nå. Du kan stille spørsmålet anonymt på ung.no "
    "(https://www.ung.no/oss), så svarer fagfolk. Trenger du noen å snakke med nå, ring "
    "Mental Helse på 116 123. De svarer hele døgnet."
)


def silence_fallback(recipient_id: str) -> dict[str, Any]:
    return {
        "recipient_id": recipient_id,
        "text": SILENCE_FALLBACK_TEXT,
        "custom": {"kind": "fallback", "reason": "bot_unavailable", "lang": "nb"},
    }
