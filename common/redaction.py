"""Personal data is taken out of a young person's message before anything stores it.

Fødselsnummer and D-numbers (11 digits that pass the mod-11 check, so an ordinary 11-digit
number stays), Norwegian phone numbers (8 digits, optionally +47/0047, in groups; not the 8xx
service numbers), e-mail addresses and street addresses ("Storgata 12B") become placeholders.
Crisis detection reads the message before this runs; the bot, the tracker store, transcripts,
tickets and the content owners' logs only ever see the redacted text.

One module for both environments: the knowledge-base service imports it too (a stdlib-only file),
and both test suites check it against tests/data/pii.yml.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 11 digits, optionally "ddmmyy nnnnn"; kept unless the check digits hold.
ELEVEN_DIGITS = re.compile(r"(?<![\d+])(\d{6})[ .-]?(\d{5})(?!\d)")
# +47 / 0047 optional, then 8 digits (not 8xx service numbers such as 800 33 321) in groups of
# two to four, with spaces, dots or hyphens: "12345678", "912 34 567", "9123 4567", "912 345 67",
# "22 33 44 55". `_phone` then leaves amounts ("2500 kr") and year spans ("2024-2025") alone.
PHONE = re.compile(
    r"(?<![\w+])(?P<prefix>(?:\+|00)\s?47[\s.-]?)?(?P<number>[2-79]\d{1,3}(?:[\s.-]?\d{2,4}){1,3})(?!\w|[.,]\d)"
)
_AMOUNT_AFTER = re.compile(r"\s*(?:kr\b|kroner|nok\b|,-|%)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
STREET_SUFFIXES = (
    "veien|vegen|veg|vei|gata|gaten|gate|allé|alle|plass|plassen|stien|sti|bakken|svingen|tunet|lia|"
    "ringen|terrasse|haugen|åsen|jordet|kroken|løkka|brygga|torget"
)
# "Storgata 12", "kirkeveien 5b", "Karl Johans gate 1", "Bygdøy allé 3A"
STREET_ADDRESS = re.compile(
    rf"\b(?:(?-i:[A-ZÆØÅ][\wæøå]+)\s(?:{STREET_SUFFIXES})|[\wæøå]+(?:{STREET_SUFFIXES}))\s\d{{1,4}}[A-Za-z]?\b",
    re.IGNORECASE,
)

PLACEHOLDERS = {"email": "[e-post]", "national_id": "[fødselsnummer]", "phone": "[telefon]", "address": "[adresse]"}
WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
    if remainder == 11:
        return 0
    return None if remainder == 10 else remainder


def is_national_id(number: str) -> bool:
    """A fødselsnummer or D-number: 11 digits whose two check digits hold (mod 11)."""
    digits = [int(c) for c in number]
    if len(digits) != 11:
        return False
    first = _check_digit(digits[:9], WEIGHTS_1)
    second = _check_digit(digits[:10], WEIGHTS_2)
    return first == digits[9] and second == digits[10]


def _national_id(match: re.Match) -> str:
    return PLACEHOLDERS["national_id"] if is_national_id(match.group(1) + match.group(2)) else match.group(0)


def _phone(match: re.Match) -> str:
    number = match.group("number")
    digits = re.sub(r"\D", "", number)
    if len(digits) != 8:
        return match.group(0)
    if _AMOUNT_AFTER.match(match.string, match.end()):
        return match.group(0)  # "2500 1000 kr" is money
    groups = re.split(r"[\s.-]", number)
    if not match.group("prefix") and len(groups) == 2 and all(_YEAR.fullmatch(g) for g in groups):
        return match.group(0)  # "2024-2025", "1999 2005": years
    return PLACEHOLDERS["phone"]


def redact(text: str) -> str:
    text = EMAIL.sub(PLACEHOLDERS["email"], text)
    text = ELEVEN_DIGITS.sub(_national_id, text)
    text = PHONE.sub(_phone, text)
    return STREET_ADDRESS.sub(PLACEHOLDERS["address"], text)
