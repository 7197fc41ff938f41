"""The right category when a message fits more than one.

The lexicon tries categories in order of urgency (acute danger first), which is right for the
answer's first line but wrong for the category in some kinds of message. Each rule here fixes one
kind, on the detector's cleaned text:

- a wound the young person made ("kutta meg dypt, det slutter ikke å blø") is self-harm, even
  when it bleeds badly; a wound from an accident ("kutta meg på motorsaga") is acute danger;
- a threat or violence from someone in the family ("stefar truer med å drepe mamma") is violence at
  home, unless a stranger or a weapon outside makes it acute;
- an overdose or poisoning of someone who does not answer, taken by mistake, or already taken
  ("tok 30 paracet for en time siden"), is acute danger;
- sexual exploitation (nudes, sextortion, grooming) is sexual abuse, not acute danger or violence;
- a spiked drink followed by waking up somewhere, or without memory, is sexual abuse;
- a threat from the family with nothing sexual in it is violence at home, not sexual abuse.
"""

from __future__ import annotations

import re

from . import concepts

_SELF_INFLICTED = re.compile(
    r"\b(?:kutt\w*|cut|cutting|skar|skore|skade\w*|skada\w*|hurt|harm\w*|risp\w*|brenn\w*|brant|burn\w*)"
    r" (?:meg|mæ|myself|meg selv|meg sjølv|meg sjøl)\b"
    r"|\b(?:selvskad\w*|sjølvskad\w*|self ?harm\w*)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:uhell|ved et uhell|ved eit uhell|by accident|accident\w*|ulykke\w*|datt|dett|falt|fell|fall|"
    r"krasj\w*|crash\w*|motorsag\w*|chainsaw|kniven gled|knife slipped|på jobb|at work|"
    r"off (?:my|the) bike|av sykkelen|av sykkel)\b"
    # cut on something, not on a part of the body: "skar meg på eit knust glas", "cut myself on a bottle"
    r"|\b(?:kutta|kuttet|kutter|skar|skjar|cut) (?:meg|mæ|myself) (?:på|on) (?!(?:armen|armene|armane|låret|lårene|låra"
    r"|handledd\w*|håndledd\w*|magen|beinet|beina|leggen|kroppen|my (?:arms?|wrists?|thighs?|legs?|stomach|body))\b)"
    r"|\b(?:knust\w* (?:glass|glas|flaske|flaska|speil)|broken (?:glass|bottle|mirror)|glasskår\w*|glasbit\w*)\b"
)
# Taken already ("tok 30 paracet for en time siden"): an overdose in the body is acute danger.
_TAKEN = re.compile(r"\b(?:tok|tatt|teke|took|taken|swallowed|svelget|svelga|svelgde|drakk|drank)\b")
_STRANGER = re.compile(concepts.CONCEPTS["stranger"])
_FAMILY = re.compile(concepts.CONCEPTS["family"])
_VIOLENCE_OR_THREAT = re.compile(
    concepts.CONCEPTS["violence"] + r"|" + concepts.CONCEPTS["threat"]
    + r"|\b(?:drepe|drep|dreper|kill\w*|skade|skader|hurt)\b"
)
_UNRESPONSIVE_OR_MISTAKE = re.compile(
    concepts.CONCEPTS["unresponsive"]
    + r"|\b(?:by mistake|by accident|accidentally|ved et uhell|ved eit uhell|uhell|feil medisin|wrong pills?)\b"
    + r"|\b(?:wake|waking|våkne|vakne|puster|pustar|breathing|passing out|besvime)\b"
)
_HARM_THREAT = re.compile(
    concepts.CONCEPTS["violence"] + r"|" + concepts.CONCEPTS["threat"] + r"|" + concepts.CONCEPTS["threat_of_harm"]
)
_OVERDOSE_OR_POISON = re.compile(
    r"\b(?:overdos\w*|od d|od ed|piller|pills|tabletter|tablets|forgift\w*|poison\w*|drakk|drank|swallowed|svelg\w*)\b"
    + r"|" + concepts.CONCEPTS["pills"]
)
_SUICIDE_WORDS = re.compile(
    r"\b(?:selvmord\w*|sjølvmord\w*|suicid\w*|livet|life|leve|live|dø|døy|die|dead|død|kill (?:my|her|him)self|kms|unaliv\w*)\b"
)
_SEXUAL_EXPLOITATION = re.compile(
    r"\b(?:nudes|noodz|nakenbild\w*|nakenbilet\w*|sextort\w*|groom\w*|utpress\w*|blackmail\w*)\b"
    r"|\b(?:bilder|bilete|pics|pictures|photos|video)\w*(?: \w+){0,4} (?:naken|naked|nude)\b"
)
_SEXUAL = re.compile(concepts.CONCEPTS["sexual"])
# A spiked drink and waking up somewhere, or without memory: assault is what the helplines ask about.
_SPIKED_THEN_WOKE = re.compile(
    r"\b(?:spiked|drugged|(?:noe|noko|something|stuff) (?:i|in) (?:drinken|drikken|glaset|my drink|her drink|the drink))\b"
    r"(?: \w+)* (?:woke|waking|våknet|vakna|vaknet|husker ingenting|hugsar ingenting|remember nothing|can t remember)\b"
)


def refine(category: str, cleaned: str) -> str:
    """The category for `cleaned` (the detector's normalised text) when the first match misleads."""
    if _SPIKED_THEN_WOKE.search(cleaned) and category == "acute_danger":
        return "sexual_abuse"
    if _SEXUAL_EXPLOITATION.search(cleaned) and category in ("acute_danger", "violence_home"):
        return "sexual_abuse"
    if category == "acute_danger" and _SELF_INFLICTED.search(cleaned) and not _ACCIDENT.search(cleaned):
        return "self_harm"
    if category == "self_harm" and _ACCIDENT.search(cleaned) and not re.search(r"\b(?:med vilje|on purpose)\b", cleaned):
        return "acute_danger"
    if (
        category == "acute_danger" and _FAMILY.search(cleaned) and _VIOLENCE_OR_THREAT.search(cleaned)
        and not _STRANGER.search(cleaned) and not _ACCIDENT.search(cleaned)
    ):
        return "violence_home"
    if category == "suicide" and _OVERDOSE_OR_POISON.search(cleaned) and (
        _UNRESPONSIVE_OR_MISTAKE.search(cleaned) or _TAKEN.search(cleaned)
    ):
        return "acute_danger"
    if (
        category == "sexual_abuse" and not _SEXUAL.search(cleaned) and not _SEXUAL_EXPLOITATION.search(cleaned)
        and _FAMILY.search(cleaned) and _HARM_THREAT.search(cleaned)
    ):
        # a threat from the family with nothing sexual in it ("stefar sier han knekker armen min
        # hvis jeg forteller noen"): secrecy around a family member is violence at home
        return "violence_home"
    if category == "suicide" and _SEXUAL.search(cleaned) and not _SUICIDE_WORDS.search(cleaned):
        return "sexual_abuse"
    return category
