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
    r"|(?:know|sure) (?:if|whether)|(?:vet|veit|vett|aner) (?:ikke|ikkje|itj|ikk) (?:om|åssen|hvordan|korleis)"
    r"|idk (?:if|whether|what|how|who|where|wat|om|hva|hvordan|kva|korleis))\b"
)
# Not knowing why is said, not asked: "er så lei meg og vet ikke hvorfor", "sad all the time and
# dont know why". Taken out before the question words are looked for.
_NOT_KNOWING_WHY = re.compile(
    r"\b(?:vet|veit|vett|aner|skjønner|forstår|know|knows|understand) (?:ikke |ikkje |itj |ikk |not |nt |n't )?"
    r"(?:helt |really |even )?(?:hvorfor|kvifor|koffor|koffer|why)\b|\b(?:dont|don't|do not|idk) (?:know )?why\b"
)


def asks_question(text: str) -> bool:
    """Does the message ask something ("kan jeg anmelde det", "who helps w that?")? A bare "idk"
    or not knowing why ("vet ikke hvorfor") asks nothing."""
    return bool(_QUESTION.search(_NOT_KNOWING_WHY.sub(" ", text.lower())))
