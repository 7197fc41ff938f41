"""Saying the last reply did not help: it did not help or answer, it was not understood, it was too
hard, or it was not what was asked ("det hjalp ikke", "skjønte ingenting", "too complicated",
"that's not what I asked"). In the three languages and common dialect and SMS forms.

The NLU gate (`connectors/nlu_gate.py`) reads it so a "det hjalp egentlig ikke" is not a plain no
to the crisis answer's question; the action (`bot/actions/answer_from_kb.py`) reads it only right
after a reply that tried to help, and only when the message is not also a question the knowledge
base is sure of ("i got a letter and i dont understand it").
"""

from __future__ import annotations

import re

_NOT = r"(?:ikke|ikkje|itj|ikk|ke|not|n't|nt)"
# A softener between the verb and the no ("didnt really help", "hjalp egentlig ikke").
_SOFT = r"(?:(?:really|actually|even|quite|that|egentlig|egentleg|egt|helt|heilt|akkurat|liksom) )?"
_DISSATISFIED = re.compile(
    r"\b(?:"
    rf"(?:hjalp|hjelper|hjelpte|hjelpa|hjelp) {_SOFT}(?:ikke|ikkje|itj|ikk|ke|null|lite)\b"
    rf"|{_NOT} (?:til|te) (?:noe |noko |nå |no |mye |særlig )?(?:hjelp|nytte)"
    rf"|(?:didn'?t|didnt|doesn'?t|doesnt|does not|did not|wasn'?t|wasnt|isn'?t|isnt|not) {_SOFT}(?:help|helpful|helping|useful|work|answer)"
    rf"|(?:skjønte|skjønner|skjønar|skjøna|skjønne|skjønnte|forstår|forsto|forstod|forstå|fatter|fatta)"
    rf" (?:{_NOT}|ingenting|null|nada|ikke noe|ikkje noko|ingen ting|itj nå)"
    r"|(?:don'?t|dont|do not|didn'?t|didnt|did not|can'?t|cant|cannot) (?:understand|get it|get that|get this|follow)"
    r"|(?:for|altfor|alt for|too|way too|far too|veldig) (?:vanskelig|vanskeleg|komplisert|kronglete|kronglate"
    r"|complicated|confusing|hard to understand|difficult|much text|mye tekst)"
    r"|useless|ubrukelig|ubrukeleg|makes no sense|no sense|ga ingen mening|gir ingen mening|feil svar|wrong answer"
    rf"|{_NOT} (?:det|d) (?:jeg|eg|æ) (?:spurte|spurde|lurte) (?:om|på)|not what i (?:asked|meant|wanted)"
    rf"|(?:svarte|svara|svarer|svarar) {_NOT} på"
    r")"
)


def dissatisfied(text: str) -> bool:
    """Does the message say the last reply did not help or was not understood?"""
    return bool(_DISSATISFIED.search(" ".join(re.findall(r"[\w']+", text.lower()))))
