"""Which language the bot should answer one message in, given the conversation so far.

The language sticks: only a message clear enough to be sure (`LanguageGuess.decisive`), an explicit
request ("svar på engelsk") or the widget's language option changes it. A message in another
language is flagged, so the bot can answer it in English and bokmål.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .detector import guess_language
from .switch import find_language_request

ANSWER_LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
# The message metadata key a channel (the widget) uses for its current language.
METADATA_KEY = "lang"


@dataclass(frozen=True)
class LanguageChoice:
    # nb, nn or en to answer in from now on; None keeps the conversation's language.
    lang: str | None
    # The message is written in a language the bot does not answer in.
    other: bool = False
    # The message asks for nothing but a language switch.
    switch_only: bool = False
    # With a switch and more: the rest of the message, without the request ("can you answer in
    # english? where do i test" -> "where do i test").
    rest: str = ""


def channel_language(metadata: Mapping[str, Any] | None) -> str | None:
    value = (metadata or {}).get(METADATA_KEY)
    return value if value in ANSWER_LANGUAGES else None


def choose_language(text: str, metadata: Mapping[str, Any] | None = None) -> LanguageChoice:
    request = find_language_request(text)
    if request is not None:
        return LanguageChoice(request.lang, switch_only=request.only_request, rest=request.rest)
    guess = guess_language(text)
    if guess.decisive and guess.lang in ANSWER_LANGUAGES:
        return LanguageChoice(guess.lang)
    if guess.decisive:
        return LanguageChoice(None, other=True)
    return LanguageChoice(channel_language(metadata))


def reply_language(text: str, metadata: Mapping[str, Any] | None = None) -> str:
    """The language for a reply made without the conversation (the crisis layer, the safety net)."""
    return choose_language(text, metadata).lang or channel_language(metadata) or DEFAULT_LANGUAGE
