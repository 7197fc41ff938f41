"""The knowledge-base service's one error hierarchy.

    KBError
    ├── ContentError          bad content on disk: stops start-up (not an HTTP error)
    └── KBHTTPError           (SanicException) becomes one JSON error body
        ├── InvalidQueryError     400
        └── EntryNotFoundError    404
"""

from __future__ import annotations

from sanic.exceptions import SanicException


class KBError(Exception):
    """Base of every error the knowledge-base service raises on purpose."""


class ContentError(KBError):
    """A content or services file is invalid. The message names the file, entry and field."""


class KBHTTPError(SanicException, KBError):
    status_code = 500
    code = "internal_error"
    quiet = True


class InvalidQueryError(KBHTTPError):
    status_code = 400
    code = "invalid_query"


class EntryNotFoundError(KBHTTPError):
    status_code = 404
    code = "entry_not_found"
