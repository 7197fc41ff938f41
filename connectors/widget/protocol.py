"""What the widget posts, parsed and validated into typed requests (clear 4xx errors otherwise)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ChannelInputError
from ..incoming import MAX_MESSAGE_CHARS, allowed_metadata, is_blank, read_json_object
from ..transcript import STREAM_ID_PATTERN

# Ids are matched whole (fullmatch, \Z): with `$`, a trailing newline would reach a Redis key.
SESSION_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}\Z")
CLIENT_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}\Z")
ENTRY_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
VOTES = ("up", "down")
MAX_DISPLAY_CHARS = 200


@dataclass(frozen=True)
class MessageRequest:
    session: str
    text: str
    client_id: str
    metadata: dict[str, Any] = field(default_factory=dict)
    # What the young person saw as their message when `text` is a button payload.
    display: str | None = None


@dataclass(frozen=True)
class FeedbackRequest:
    session: str
    entry_id: str
    vote: str
    message_id: str | None


def json_body(body: bytes) -> dict[str, Any]:
    return read_json_object(body, allow_empty=True)


def session_id(value: Any) -> str:
    if not isinstance(value, str) or not SESSION_PATTERN.fullmatch(value):
        raise ChannelInputError("Field 'session' must be a session id from POST /session.", code="invalid_session")
    return value


def stream_id(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not STREAM_ID_PATTERN.fullmatch(value):
        raise ChannelInputError("A message id looks like '1764288000000-0'.", code="invalid_message_id")
    return value


def parse_message(body: bytes) -> MessageRequest:
    data = json_body(body)
    session = session_id(data.get("session"))
    text = data.get("message")
    if not isinstance(text, str) or is_blank(text):
        raise ChannelInputError("Field 'message' must be a non-empty string.", code="empty_message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ChannelInputError(
            f"Field 'message' is too long: at most {MAX_MESSAGE_CHARS} characters.", code="message_too_long"
        )
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not CLIENT_ID_PATTERN.fullmatch(client_id):
        raise ChannelInputError(
            "Field 'client_id' must be 8-64 letters, digits, '-' or '_', unique per message.", code="invalid_client_id"
        )
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ChannelInputError("Field 'metadata' must be a JSON object.", code="invalid_metadata")
    # Only known keys and values pass on to the bot: nothing else a page sends ends up in the tracker.
    metadata = allowed_metadata(metadata)
    display = data.get("display")
    if display is not None and (not isinstance(display, str) or len(display) > MAX_DISPLAY_CHARS):
        raise ChannelInputError(f"Field 'display' must be a string of at most {MAX_DISPLAY_CHARS} characters.", code="invalid_display")
    return MessageRequest(
        session=session, text=text.strip(), client_id=client_id, metadata=metadata, display=(display or "").strip() or None
    )


def parse_feedback(body: bytes) -> FeedbackRequest:
    data = json_body(body)
    session = session_id(data.get("session"))
    entry_id = data.get("entry_id")
    if not isinstance(entry_id, str) or len(entry_id) > 80 or not ENTRY_ID_PATTERN.fullmatch(entry_id):
        raise ChannelInputError("Field 'entry_id' must be an entry id.", code="invalid_entry_id")
    vote = data.get("vote")
    if vote not in VOTES:
        raise ChannelInputError("Field 'vote' must be 'up' or 'down'.", code="invalid_vote")
    return FeedbackRequest(session=session, entry_id=entry_id, vote=vote, message_id=stream_id(data.get("message_id")))


def parse_session_only(body: bytes) -> str:
    return session_id(json_body(body).get("session"))
