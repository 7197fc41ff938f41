"""Parsing and validating what a client posts to a channel, before Rasa sees it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from common.jsonbody import BodyError, parse_json_object

from .errors import ChannelInputError, PayloadTooLargeError

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128
MAX_BODY_BYTES = 16 * 1024


# Characters that show nothing but are not Unicode whitespace: fillers and blank signs.
INVISIBLE = frozenset("\u2800\u3164\u115f\u1160\uffa0\u180e")


def is_blank(text: str) -> bool:
    """True when `text` shows nothing: whitespace, control and format characters (zero-width
    space and joiners, the BOM, soft hyphens, direction marks) and blank fillers only."""
    return all(
        ch.isspace() or ch in INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")
        for ch in text
    )


# The only metadata a client may pass to the bot, and its values: anything else (a fødselsnummer in
# `lang`, any other key) is dropped before Rasa or the tracker store sees it.
ALLOWED_METADATA = {"lang": frozenset({"nb", "nn", "en"})}


def allowed_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """The known keys of `metadata` with known values; the rest dropped."""
    return {
        key: metadata[key] for key, values in ALLOWED_METADATA.items()
        if isinstance(metadata.get(key), str) and metadata[key] in values
    }


@dataclass(frozen=True)
class IncomingMessage:
    sender: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def read_json_object(body: bytes, *, allow_empty: bool = False) -> dict[str, Any]:
    """The body as a JSON object (`jsonbody.parse_json_object`): 413 when it is too big (checked
    before parsing), 400 `malformed_json` for every way it cannot be read (deep nesting, huge
    numbers, bad UTF-8 included). Lone surrogates and NULs are repaired before anything sees them."""
    try:
        return parse_json_object(body, max_bytes=MAX_BODY_BYTES, allow_empty=allow_empty)
    except BodyError as error:
        if error.code == "payload_too_large":
            raise PayloadTooLargeError(str(error)) from None
        raise ChannelInputError(str(error), code="malformed_json") from None


def parse_body(body: bytes) -> IncomingMessage:
    data = read_json_object(body)

    sender = data.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        raise ChannelInputError("Field 'sender' must be a non-empty string.", code="invalid_sender")
    if len(sender) > MAX_SENDER_CHARS or not sender.isprintable():
        raise ChannelInputError(
            f"Field 'sender' must be printable and at most {MAX_SENDER_CHARS} characters.",
            code="invalid_sender",
        )

    text = data.get("message")
    if not isinstance(text, str) or is_blank(text):
        raise ChannelInputError("Field 'message' must be a non-empty string.", code="empty_message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ChannelInputError(
            f"Field 'message' is too long: at most {MAX_MESSAGE_CHARS} characters.",
            code="message_too_long",
        )

    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ChannelInputError("Field 'metadata' must be a JSON object.", code="invalid_metadata")
    return IncomingMessage(sender=sender, text=text.strip(), metadata=allowed_metadata(metadata))
