"""Does a message ask something? A question mark, or a question word or phrase in nb, nn,
dialect or en. Pure text, stdlib only: the NLU (connectors) and the actions (bot) share it."""

from __future__ import annotations

import re

# A question in the message: a question mark, or a question word or phrase in nb, nn, dialect or en.
_QUESTION = re.compile(
    r"\?|\b(?:hva|hvordan|hvem|hvor|hvilken|hvilke|hvilket|hvorfor|kva|korleis|kven|kor|ka|koss|kossen|kem"
    r"|what|how|who|where|which|why"
    r"|(?:kan|må|skal|bør|får|trenger|treng) (?:jeg|eg|æ|man|ein|en)"
    # "finnes det noen ...", "er det nokon ...", "e det nån ...": asking whether there is
    r"|(?:finnes|fins|finst|fines) det|(?:er|e) det (?:noen|nokon|nån|noe|noko|nåkka|mulig|lov|vanlig|normalt)"
    r"|(?:can|should|do|must|could) (?:i|we|you|someone)|is (?:it|there|that)|are there"
    # not knowing what to do is asking too: "i dont know if i want to go to the police", "veit
    # ikkje om eg skal melde det", "idk whether to tell"
    r"|(?:know|sure) (?:if|whether)|(?:vet|veit|vett|aner) (?:ikke|ikkje|itj|ikk) (?:om|åssen|hvordan|korleis)|idk)\b"
)


def asks_question(text: str) -> bool:
    """Does the message ask something ("kan jeg anmelde det", "who helps w that?")?"""
    return bool(_QUESTION.search(text.lower()))
