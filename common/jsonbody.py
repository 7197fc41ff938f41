"""Reading a request body as a JSON object, for every endpoint of both services (standard library
only).

Every way a body can fail becomes one `BodyError` with a code the caller turns into a 4xx:

- `payload_too_large` (413): over `max_bytes`, checked before anything is parsed;
- `malformed_json` (400): not UTF-8, not JSON, nested deeper than `MAX_DEPTH` (the parser would
  recurse until Python's stack gives out), a number the parser refuses (an integer of thousands of
  digits), or not a JSON object.

Text that cannot be stored is repaired here, once, before anything is written: a lone UTF-16
surrogate (JSON allows `"\\ud83d"` on its own; UTF-8 and Redis do not) becomes U+FFFD, and a NUL
becomes nothing, in every string of the object, keys included.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
_OPENERS = frozenset(b"[{")
_CLOSERS = frozenset(b"]}")


class BodyError(ValueError):
    """A body that cannot be read: `code` is `payload_too_large` or `malformed_json`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _too_deep(raw: bytes, limit: int) -> bool:
    """Does the JSON text nest brackets deeper than `limit`? (Strings are skipped.)"""
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        elif byte in _CLOSERS:
            depth -= 1
    return False


def clean_text(text: str) -> str:
    """`text` with lone surrogates as U+FFFD and NUL characters removed: storable everywhere."""
    return _SURROGATE.sub("\ufffd", text).replace("\x00", "")


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {clean_text(key): _cleaned(item) for key, item in value.items()}
    return value


def parse_json_object(raw: bytes, *, max_bytes: int, allow_empty: bool = False) -> dict[str, Any]:
    """The body as a dict (see the module docstring). Raises BodyError."""
    if len(raw) > max_bytes:
        raise BodyError(f"The request body is over {max_bytes} bytes.", "payload_too_large")
    if allow_empty and not raw.strip():
        return {}
    if _too_deep(raw, MAX_DEPTH):
        raise BodyError(f"The body nests deeper than {MAX_DEPTH} levels.", "malformed_json")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError covers JSONDecodeError and integers over Python's digit limit.
        raise BodyError("The body must be JSON.", "malformed_json") from None
    if not isinstance(data, dict):
        raise BodyError("The body must be a JSON object.", "malformed_json")
    return _cleaned(data)
