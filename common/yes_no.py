"""Does a message open with a yes or a no? In nb, nn, dialect, SMS forms and en. Pure text, stdlib
only: the NLU's small-talk gate (connectors) and the actions (bot) share it."""

from __future__ import annotations

import re

# Words said before the yes or no that change nothing ("actually no, never mind", "hmm ja ok").
_FILLER = r"(?:(?:actually|well|hm+|mm+|u+m+|u+h+|e+h+m*|erm|oh|egentlig|eigentleg|faktisk|altså|asså)\s+)*"
_YES = re.compile(
    rf"^{_FILLER}(?:ja+|jo|jep+s?|jup+s?|jau|jadda|jada|joda|jess|yes+|yeah|yea|yep|yup|ye|ya|yah|yas|yesh|sure|ok|okei|okay|gjerne|greit|absolutt"
    r"|definitely|of course|selvfølgelig|sjølvsagt|klart|please|plis|pls)\b"
)
_NO = re.compile(
    rf"^{_FILLER}(?:nei+|næ+h?|næi|neitakk|nope|no(?! one\b)|nah|nay|neida|nei takk|no thanks|ellers takk|trengs ikke"
    r"|trenger ikke|trengs ikkje|treng ikkje|not now|ikke nå|ikkje no|glem det|gløym det|forget it|never ?mind|nvm|dropp det)\b"
)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.lower()))


def leading_yes_no(text: str) -> str | None:
    """"affirm" or "deny" when the message opens with a yes or a no ("nei, trengs ikke", "jepp"),
    else None."""
    plain = _plain(text)
    if _NO.match(plain):
        return "deny"
    return "affirm" if _YES.match(plain) else None


# A yes or a no said with thanks: "nei takk, jeg ordner det selv", "no thanks ill figure it out",
# "ja takk, det hjalp", "ellers takk".
_WITH_THANKS = re.compile(
    r"^(?:(?:ja+|jo|jepp|yes+|yeah|yep|ok|okei|okay|nei+|nope|no|nah|neida|ellers) )?"
    r"(?:takk|tusen takk|thanks|thank you|thx|ty|tack)\b"
)


def yes_no_with_thanks(text: str) -> bool:
    """Does the message open with thanks, alone or after a yes or a no ("no thanks ill figure it
    out")? Such a message closes what was offered; it is no new question unless it asks one."""
    return bool(_WITH_THANKS.match(_plain(text)))
