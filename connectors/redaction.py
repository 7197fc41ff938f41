"""Personal data is taken out of a young person's message before anything stores it.

Fødselsnummer (11 digits), Norwegian phone numbers (8 digits, optionally +47/0047, in groups) and
e-mail addresses become placeholders. Crisis detection reads the message before this runs; the
bot, the tracker store and the transcript only ever see the redacted text.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 11 digits, optionally "ddmmyy nnnnn": a fødselsnummer or D-number.
NATIONAL_ID = re.compile(r"(?<![\d+])\d{6}[ .-]?\d{5}(?!\d)")
# +47 / 0047 optional, then 8 digits (not 8xx service numbers such as 800 33 321), grouped "12345678", "123 45 678", "12 34 56 78".
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?47[\s.-]?)?(?:[2-79]\d{7}|[2-79]\d{2}[\s.-]\d{2}[\s.-]\d{3}|[2-79]\d(?:[\s.-]\d{2}){3})(?!\d)"
)

PLACEHOLDERS = {"email": "[e-post]", "national_id": "[fødselsnummer]", "phone": "[telefon]"}


def redact(text: str) -> str:
    text = EMAIL.sub(PLACEHOLDERS["email"], text)
    text = NATIONAL_ID.sub(PLACEHOLDERS["national_id"], text)
    return PHONE.sub(PLACEHOLDERS["phone"], text)
