"""Messages with no words: emoji, symbols and punctuation only ("😢", "🆘", "👍", "??").

`classify(text)` says what such a message most likely means, or None when the message has a
letter or a digit in it (then it has words, and the NLU reads it as usual):

- "sad": a sad, hurt or SOS sign. The bot checks in gently and offers a person and the helplines.
- "yes" / "no": a thumbs up or down, an OK hand, a check mark or a cross: they answer a question.
- "other": anything else (a smiley, "?", "..."): the bot asks for a few words.

Stdlib only; the Rasa component that uses it is `connectors.nlu_wordless`.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Meaning = Literal["sad", "yes", "no", "other"]

# Variation selectors, skin tones and the zero-width joiner are ignored when matching.
_MODIFIERS = frozenset("\ufe0e\ufe0f\u200d") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))

SAD = frozenset(
    "😢😭💔😞😔☹🙁😿🥺😩😫😣😖😥😓😟😰😨😱🆘🩸🔪💊🪢🥀🖤😶"
)
YES = frozenset("👍👌✅✔☑🙆")
NO = frozenset("👎❌✖🙅⛔🚫")


def has_words(text: str) -> bool:
    """Does `text` hold a letter or a digit of any script?"""
    return any(unicodedata.category(ch)[0] in ("L", "N") for ch in text)


def classify(text: str) -> Meaning | None:
    if has_words(text):
        return None
    signs = [ch for ch in text if not ch.isspace() and ch not in _MODIFIERS]
    if any(ch in SAD for ch in signs):
        return "sad"
    if signs and all(ch in YES for ch in signs):
        return "yes"
    if signs and all(ch in NO for ch in signs):
        return "no"
    return "other"
