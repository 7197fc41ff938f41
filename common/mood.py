"""Does a message say the young person feels low ("jeg er så lei meg", "føle mæ så åleine", "life is
just so heavy rn")? A pure text check in nb, nn, dialect and en.

The NLU (`connectors/nlu_mood.py`) makes such a statement (no question) the `feeling_down` intent:
the knowledge base's answer when it is sure, then the gentle check-in (helplines and a person),
instead of "I have no answer" or a list of options. Danger is the crisis layer's job, which has
the last word; this is only about mood. Words that are also ordinary ("tom for penger", "alone at home") count only in a feeling
frame ("føler meg tom", "feel so alone").
"""

from __future__ import annotations

import re

# Words and phrases that say how someone feels on their own.
_MOOD = (
    r"trist|tristt|lei meg|lei mæ|lei me|nedfor|deppa|depp|deprimert|ensom|einsam|ensomt|einsamt"
    r"|gråter|gråte|gråt|grine|griner|grina|hjertet mitt|hjerte mitt|hjartet mitt"
    r"|har det (?:så |helt |skikkelig |bare )?(?:vondt|dritt|jævlig|kjipt|tungt|fælt|ille|ikke bra|ikkje bra|itj bra)"
    r"|ingen (?:\w+ )?bryr seg|ingen som bryr seg|ingen venner|ingen vener|ingen venna"
    r"|ingen (?:å|og) (?:snakke|prate|snakk|prat) med"
    r"|alt er (?:så |bare )?(?:svart|mørkt|tungt|dritt|grått)|alt føles (?:så |bare )?(?:tungt|meningsløst|tomt)"
    r"|sad|sadness|depressed|lonely|heartbroken|crying|cry every|miserable|(?:nobody|no one) (?:\w+ )?cares"
    # not doing well, in general words: "har det ikke så bra", "sliter psykisk", "not doing ok"
    r"|har det (?:ikke|ikkje|itj|ikke så|ikkje så|itj så) (?:bra|godt|greit)"
    r"|(?:føler|føle|kjenner) (?:meg|mæ|me) (?:ikke|ikkje|itj) (?:bra|god|ok|okei)"
    r"|(?:sliter|slit|slite) (?:så |mye |mykje |veldig |skikkelig |sykt )?(?:psykisk|med psyken|for tida|for tiden|i det siste|no|nå)\b"
    r"|(?:tung|tøff|vanskelig|vanskeleg|mørk) (?:periode|tid)|psyken min"
    r"|(?:not|n't|nt) (?:doing )?(?:ok|okay|well|good|great|fine) (?:at all|lately|rn|right now|anymore)"
    r"|i'?m not ok(?:ay)?|im not ok(?:ay)?|not doing (?:ok|okay|well|good)"
    r"|(?:having|have|had|going through) (?:a |such a |a really )?(?:hard|rough|tough|difficult|dark) time"
    r"|going through a lot|struggling (?:a lot|so much|lately|rn|mentally|with my mental health)|mental health is (?:bad|shit|awful|terrible)"
    r"|no friends|no one to talk to|nobody to talk to|so heavy|everything is (?:so )?(?:heavy|dark|awful|shit)"
)
# Words that say a feeling only after "I feel", "føler meg", "er så".
# ("knust" alone is a broken phone screen; "helt knust" a feeling.)
_FRAMED = (
    r"tom|tomt|tomme|aleine|alene|åleine|aleina|åleina|alone|empty|down|low|awful|terrible|horrible"
    r"|shit|like shit|bad|dårlig|dritt|elendig|ødelagt|sliten|slitne|knust|knuste"
)
_FRAME = (
    r"(?:føler|føle|følar|kjenner|kjenne|kjennar|feel|feeling|felt|feels|i'?m so|im so|i am so|er så|e så|er helt|e heilt|er heilt)"
    r"(?: (?:meg|mæ|me|myself|så|so|really|really really|just|bare|berre|helt|heilt|veldig|litt|kinda|pretty|skikkelig|sykt))*"
)
# "er så alene", "e bare så åleine", "i'm really alone": being, with a word of degree.
_BEING = (
    r"(?:er|e|am|i'?m|im) (?:\w+ )?(?:så|so|helt|heilt|veldig|sykt|skikkelig|really|very|totally|completely)"
)
# "bad at math", "dårlig i matte": a skill, not a mood.
_NOT_A_SKILL = r"(?! (?:at|in|with|i|på|til|med)\b)"
_PATTERN = re.compile(
    rf"\b(?:{_MOOD})\b|\b{_FRAME} (?:{_FRAMED})\b{_NOT_A_SKILL}|\b{_BEING} (?:{_FRAMED})\b{_NOT_A_SKILL}"
)


def feels_low(text: str) -> bool:
    """True when the message says its writer feels sad, lonely or low."""
    plain = " ".join(re.findall(r"[\w']+", text.lower()))
    return bool(_PATTERN.search(plain))
