"""Does a wish to talk ask where to find someone ("anyone i can talk to about being gay", "is
there a helpline i can call at night"), rather than for a person in this chat ("can I talk to a
real person here")?

Shared by the NLU's small-talk gate (`connectors.nlu_gate`: such a request, with a topic of its
own, is a question for the knowledge base) and the knowledge-base action (it answers it, or offers
options that end with a person). Pure: text in, bool out; vectors in tests/common/test_wish_to_talk.py.
"""

from __future__ import annotations

import re


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.lower()))


# Looking for a service to talk to ("anyone i can talk to about being gay", "is there a helpline
# i can call at night"), not for a person in this chat ("can I talk to a real person here").
_SEEKS_A_SERVICE = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|noen|nokon|nåkken|nån|where|hvor|kor|who|hvem|kven|is there|are there"
    r"|finnes det|fins det|finst det|helpline|hotline|hjelpetelefon\w*|hjelpelinje\w*)\b"
)
_IN_THIS_CHAT = re.compile(
    r"\b(?:here|her|human|menneske|menneske\w+|ekte|real|live|you|u|du|deg|dæ|chatbot|bot|robot|voksen her|caseworker)\b"
)


def seeks_a_service(text: str) -> bool:
    """Does a request to talk ask where to find someone, rather than for a person in this chat?"""
    plain = _plain(text)
    return bool(_SEEKS_A_SERVICE.search(plain)) and not _IN_THIS_CHAT.search(plain)


def in_this_chat(text: str) -> bool:
    """Does the message ask for a person here ("a real person", "can you", "her")?"""
    return bool(_IN_THIS_CHAT.search(_plain(text)))


# Where, or about what: "hvor kan jeg ...", "a helpline ...", "... om å komme ut", "... about my
# parents". Not "about it": that points back to the conversation.
_WHERE_OR_ABOUT = re.compile(
    r"\b(?:where|hvor|kor|helpline|hotline|hjelpetelefon\w*|hjelpelinje\w*)\b"
    r"|\b(?:om|about|angående|angåande|regarding)\s+(?!det\b|dette\b|it\b|this\b|that\b|sånt\b|slikt\b)\w+"
)


def asks_where_to_talk_about(text: str) -> bool:
    """A wish to talk that asks where to find someone, or names what about ("finnes det noen jeg
    kan snakke med om mobbing"); "kan jeg få snakke med noen?" names neither: a request for a person."""
    return seeks_a_service(text) and bool(_WHERE_OR_ABOUT.search(_plain(text)))


# People a service provides, not a person in this chat: "how do I get a contact person" is a
# question for NAV, "kan jeg få snakke med en psykolog" one for the health services.
_PROFESSIONAL = re.compile(
    r"\b(?:kontaktperson\w*|contact person|støttekontakt\w*|psykolog\w*|psychologist|therapist|terapeut\w*"
    r"|helsesykepleier\w*|helsesøster|school nurse|lege|legen|doctor|fastlege\w*|tannlege\w*|dentist"
    r"|advokat\w*|lawyer|jurist\w*|verge|guardian|rådgiver\w*|rådgjevar\w*|counsell?or|karriereveileder\w*"
    r"|miljøterapeut\w*|sosionom\w*|social worker|tolk|interpreter|mentor)\b"
)


def names_a_professional(text: str) -> bool:
    """Does the message name someone a service provides (a contact person, a psychologist, a
    lawyer), and not ask for someone here, which makes a wish to talk a question about that
    service? ("Saksbehandler" is left out: the caseworkers here are called that too.)"""
    return bool(_PROFESSIONAL.search(_plain(text))) and not in_this_chat(text)


# Someone to talk to, or talking itself: a request for a person says one of these ("agent", "ekte
# person takk", "kan noen ringe meg", "vil ikke snakke med bot"). "hvilke jobber kan jeg ha" says
# none: DIET read it as a request for a person from "kan jeg chatte med noen som jobber der".
_SOMEONE = re.compile(
    r"\b(?:menneske\w*|voksen|voksne|vaksen|vaksne|person\w*|saksbehandler\w*|sakshandsamar\w*|ansatt\w*|folk"
    r"|noen|nokon|nåkken|nån|nokken|ekte|agent|human\w*|people|someone|somebody|anyone|anybody|adult\w*"
    r"|grown|real|bot|robot|maskin|machine|snakke|snakk|prate|prat|chatte|chat|ringe|ring|talk|speak|call)\b"
)


def names_someone(text: str) -> bool:
    """Does the message name a person, or talking, as every request for a person does?"""
    return bool(_SOMEONE.search(_plain(text)))


# A need for someone to talk to, with nobody particular asked for: "i just need someone to talk to
# rn", "trenger noen å prate med". A helpline answers that; "kan jeg snakke med en voksen" and "I
# want a real person" ask for a person here.
_NEEDS = re.compile(r"\b(?:trenger|treng|trenge|trænger|need|needs|needed)\b")
_ANYONE_WORDS = r"noen|nokon|nån|nåkken|someone|somebody|anyone|anybody"
_TALK_WORDS = r"snakke|snakk|prate|prat|chatte|talk|speak|chat"
_ANYONE = re.compile(rf"\b(?:{_ANYONE_WORDS})\b")
_TALK = re.compile(rf"\b(?:{_TALK_WORDS})\b")
# An adult or a human, as someone to talk to asks for them.
_ADULT = r"voksen|voksne|vaksen|vaksne|adult\w*|grown ?up|menneske\w*|human\w*|caseworker\w*|saksbehandler\w*"
_PARTICULAR = re.compile(rf"\b(?:{_ADULT}|person\w*|ansatt\w*|real|ekte)\b")


# The need said as a bare noun phrase: "nokon å snakke med", "someone to talk to rn".
_FRAGMENT = re.compile(
    rf"^(?:bare |berre |just |only |need |trenger |treng )?(?:{_ANYONE_WORDS}) "
    r"(?:å |og |to |te )?(?:snakke|snakka|prate|prata|talk|speak|chatte|chat)(?: med| to| with)?"
    r"(?: nå| no| rn| now| om det| about it)?$"
)


def needs_someone_to_talk_to(text: str) -> bool:
    """Does the message say it needs someone (anyone) to talk to ("trenger noen å prate med", or
    just "nokon å snakke med"), with nobody particular and nobody in this chat asked for?"""
    plain = _plain(text)
    return bool(
        (_NEEDS.search(plain) or _FRAGMENT.match(plain)) and _ANYONE.search(plain) and _TALK.search(plain)
        and not _PARTICULAR.search(plain) and not in_this_chat(text)
    )


def wants_to_talk(text: str) -> bool:
    """Does the message say the writer wants to talk to someone ("ja, vil gjerne snakke med noen",
    "yes its me, i want to talk to someone")? Used for a yes that goes on to ask for a person."""
    plain = _plain(text)
    return bool(_TALK.search(plain) and (_ANYONE.search(plain) or _PARTICULAR.search(plain)))


# Asking to be put through to a person in this chat: a verb of talking or connecting, and a person
# who is an adult, a human or real, or here ("connect me to an adult pls", "can i speak to someone
# real", "eg vil heller prate med ein vaksen her no").
_TALK_OR_CONNECT = re.compile(
    rf"\b(?:{_TALK_WORDS}|snakka|prata|connect|koble|kople|sett meg over|put me through|transfer me)\b"
    r"|\b(?:få|faa|get|gi meg|give me) (?:en |ein |a |an )?(?:voksen|vaksen|adult|human|menneske|ekte person|real person)\b"
)
# How to reach someone somewhere else ("hvordan få snakke med en voksen på skolen") is a question.
_ELSEWHERE = re.compile(
    r"\b(?:hvordan|korleis|how|hvor|kor|where)\b|\b(?:på|at|i|in) (?:skolen|skulen|school|jobben|work|kommunen|nav|helsestasjonen)\b"
)
_PERSON_HERE = re.compile(
    rf"\b(?:{_ADULT})\b"
    r"|\b(?:ekte|real|actual|levende|live) (?:person|menneske|human|people|folk)\b"
    r"|\b(?:someone|somebody|noen|nokon|nån|a person|en person|ein person) (?:real|ekte|here|her)\b"
)


def asks_for_a_person_here(text: str) -> bool:
    """Does the message ask to talk to a person in this chat (an adult, a human, someone real or
    here), naming no professional, no place to look and no topic ("kan jeg snakke med en voksen om
    mobbing" names one: the knowledge base answers where)?"""
    plain = _plain(text)
    return bool(
        _TALK_OR_CONNECT.search(plain) and _PERSON_HERE.search(plain)
        and not names_a_professional(text) and not _WHERE_OR_ABOUT.search(plain) and not _ELSEWHERE.search(plain)
    )
