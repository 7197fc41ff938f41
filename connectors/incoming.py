"""Parsing and validating what a client posts to a channel, before Rasa sees it."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class IncomingMessage:
    sender: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def read_json_object(body: bytes, *, allow_empty: bool = False) -> dict[str, Any]:
    """The body as a JSON object: 413 when it is too big (checked before parsing), 400 otherwise."""
    if len(body) > MAX_BODY_BYTES:
        raise PayloadTooLargeError(f"The request body is over {MAX_BODY_BYTES} bytes.")
    if allow_empty and not body.strip():
        return {}
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ChannelInputError("The body must be JSON.", code="malformed_json") from None
    if not isinstance(data, dict):
        raise ChannelInputError("The body must be a JSON object.", code="malformed_json")
    return data


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
    return IncomingMessage(sender=sender, text=text.strip(), metadata=metadata)
