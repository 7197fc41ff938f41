"""What a channel says when the bot pipeline fails or stays silent. Depends on nothing else.

The facts (ung.no, Mental Helse 116 123) come from services.yml; a test holds them to it.
"""

from __future__ import annotations

from typing import Any

SILENCE_FALLBACK_TEXTS = {
    "nb": (
        "Beklager, noe gikk galt hos meg akkurat nå. Du kan stille spørsmålet anonymt på ung.no "
        "(https://www.ung.no/oss), så svarer fagfolk. Trenger du noen å snakke med nå, ring "
        "Mental Helse på 116 123. De svarer hele døgnet."
    ),
    "nn": (
        "Orsak, noko gjekk gale hos meg akkurat no. Du kan stille spørsmålet anonymt på ung.no "
        "(https://www.ung.no/oss), så svarer fagfolk. Treng du nokon å snakke med no, ring "
        "Mental Helse på 116 123. Dei svarer heile døgnet."
    ),
    "en": (
        "Sorry, something went wrong on my side just now. You can ask your question anonymously at "
        "ung.no (https://www.ung.no/oss), where professionals answer. If you need someone to talk "
        "to now, call Mental Helse on 116 123, day and night."
    ),
}
SILENCE_FALLBACK_TEXT = SILENCE_FALLBACK_TEXTS["nb"]


def silence_fallback(recipient_id: str, lang: str = "nb") -> dict[str, Any]:
    lang = lang if lang in SILENCE_FALLBACK_TEXTS else "nb"
    return {
        "recipient_id": recipient_id,
        "text": SILENCE_FALLBACK_TEXTS[lang],
        "custom": {"kind": "fallback", "reason": "bot_unavailable", "lang": lang},
    }
