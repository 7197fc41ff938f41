"""Does a message open with a yes or a no? In nb, nn, dialect, SMS forms and en. Pure text, stdlib
only: the NLU's small-talk gate (connectors) and the actions (bot) share it."""

from __future__ import annotations

import re

_YES = re.compile(
    r"^(?:ja+|jo|jepp|jepps|jada|joda|yes+|yeah|yea|yep|yup|ye|sure|ok|okei|okay|gjerne|greit|absolutt"
    r"|definitely|of course|selvfølgelig|sjølvsagt|klart|please|plis|pls)\b"
)
_NO = re.compile(
    r"^(?:nei+|nope|no|nah|neida|nei takk|no thanks|ellers takk|trengs ikke|trenger ikke|trengs ikkje|treng ikkje"
    r"|not now|ikke nå|ikkje no|glem det|forget it)\b"
)


def leading_yes_no(text: str) -> str | None:
    """"affirm" or "deny" when the message opens with a yes or a no ("nei, trengs ikke", "jepp"),
    else None."""
    plain = " ".join(re.findall(r"[\w']+", text.lower()))
    if _NO.match(plain):
        return "deny"
    return "affirm" if _YES.match(plain) else None
