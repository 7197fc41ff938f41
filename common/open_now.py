"""Does a message ask who can be reached now ("hvilke chatter er åpne nå?", "who can i chat with
right now")? Then the bot lists the chat network (`bot/actions/network.py`).

A rule, not an intent with DIET examples: the question has a clear shape (a question word, a
channel word, and "open" or "now"), and a new intent changed how the retrained DIET read short
requests for a person and typed yeses ("yes pls" became out of scope). The NLU component
`connectors.nlu_open_now` sends such a message to the knowledge-base action as a question, and the
action answers it with the network. A request for a person with no question word ("kan jeg
snakke med noen nå?") stays a request for a person; a helpline named in the definite form
("hjelpetelefonen til Mental Helse") is a question about that service.
"""

from __future__ import annotations

import re

_WHO = r"(?:hvem|hvilke|hvilken|hvilket|kven|kva for|ka for|kem|who|which|what)"
_ANY = r"(?:er det noen|er noen|er det nokon|er nokon|er det nåkka|finnes det|fins det|finst det|is there any|is there a|are there any|are any|is any|any)"
_CHANNEL = (
    r"(?:chat|chatte|chatter|chattar|chats|hjelpetelefon|hjelpetelefoner|hjelpetelefonar|hjelpelinje|hjelpelinjer|"
    r"helplines?|hotlines?|tjenester|tenester|services|ringe|ringje|ring|call|snakke|prate|prat|talk|sms|text)"
)
_OPEN = r"(?:åpen|åpne|åpent|open|opne|ope|oppe|svarer|svarar|answers|answering)"
_NOW = (
    # "no" is nynorsk for "now"; not the English "no one", "no idea"
    r"(?:nå|no(?! one| idea| way| body| thanks| thank| matter)|now|right now|rn|akkurat nå|akkurat no|i kveld|i natt|tonight|this late|so late|så sent|"
    r"midt på natta|på natta|om natta|at night|i helga|i helgen|this weekend|on sundays?|on saturdays?)"
)
WHO_IS_OPEN = re.compile(
    rf"\b{_WHO}\b.*\b{_CHANNEL}\b.*\b(?:{_OPEN}|{_NOW})\b"
    rf"|\b{_ANY}\b.*\b{_CHANNEL}\b.*\b(?:{_OPEN}|{_NOW})\b"
    rf"|\b{_CHANNEL}\b.*\b{_OPEN}\b.*\b{_NOW}\b"
)


def asks_who_is_open(text: str) -> bool:
    plain = " ".join(re.findall(r"[\w']+", text.lower()))
    return bool(WHO_IS_OPEN.search(plain))
