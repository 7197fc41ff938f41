"""The knowledge-base service's one error hierarchy.

    KBError
    ├── ContentError          bad content on disk: stops start-up (not an HTTP error)
    └── KBHTTPError           (SanicException) becomes one JSON error body
        ├── InvalidQueryError     400
        ├── InvalidRequestError   400  a malformed admin request
        ├── MalformedJSONError    400  a body that is not a JSON object (common/jsonbody.py)
        ├── UnauthorizedError     401  no or an expired token
        ├── ForbiddenError        403  the role or directorate does not allow it
        ├── EntryNotFoundError    404
        ├── ConflictError         409  the workflow does not allow it now
        ├── PayloadTooLargeError  413  a body over the limit
        ├── TooManyRequestsError  429  too many failed logins; Retry-After says how long
        ├── EntryInvalidError     422  an entry that breaks the schema; `fields` says where
        └── StoreUnavailableError 503  the content store (Redis) is not configured or down

Every HTTP error has a `code` (its kind, as above) and a `reason`: what exactly went wrong, as a
stable machine word ("role_cannot", "status_forbids", "entry_exists"), with `params` that fill in
the details ({"role": "editor", "action": "publish"}). Clients show their own text for a reason;
the English `message` is for logs and people reading the API. An invalid entry's `fields` each
carry a `code` too (pydantic's error type, or a catalogue check's) and `params`.

`store_call` turns a failed Redis call into a StoreUnavailableError, for every store of the service.
"""

from __future__ import annotations

from typing import Awaitable, TypeVar

from sanic.exceptions import SanicException

from common.redis import guarded

T = TypeVar("T")


class KBError(Exception):
    """Base of every error the knowledge-base service raises on purpose."""


class ContentError(KBError):
    """A content or services file is invalid. The message names the file, entry and field."""


class KBHTTPError(SanicException, KBError):
    status_code = 500
    code = "internal_error"
    quiet = True

    def __init__(self, message: str = "", *, reason: str | None = None, params: dict | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.reason = reason or self.code
        self.params = dict(params or {})


class InvalidQueryError(KBHTTPError):
    status_code = 400
    code = "invalid_query"


class EntryNotFoundError(KBHTTPError):
    status_code = 404
    code = "entry_not_found"


class InvalidRequestError(KBHTTPError):
    status_code = 400
    code = "invalid_request"


class MalformedJSONError(InvalidRequestError):
    code = "malformed_json"


class PayloadTooLargeError(KBHTTPError):
    status_code = 413
    code = "payload_too_large"


class TooManyRequestsError(KBHTTPError):
    status_code = 429
    code = "too_many_requests"

    def __init__(self, message: str, retry_after_seconds: float, *, reason: str | None = None) -> None:
        super().__init__(message, reason=reason, headers={"Retry-After": str(max(1, round(retry_after_seconds)))})


class UnauthorizedError(KBHTTPError):
    status_code = 401
    code = "unauthorized"


class ForbiddenError(KBHTTPError):
    status_code = 403
    code = "forbidden"


class ConflictError(KBHTTPError):
    status_code = 409
    code = "conflict"


class EntryInvalidError(KBHTTPError):
    status_code = 422
    code = "entry_invalid"

    def __init__(self, message: str, fields: list[dict], *, reason: str | None = None) -> None:
        super().__init__(message, reason=reason)
        self.fields = fields


class StoreUnavailableError(KBHTTPError):
    status_code = 503
    code = "store_unavailable"


async def store_call(operation: Awaitable[T], store: str, *, name_the_error: bool = True) -> T:
    """Await one Redis `operation`; a Redis or socket error becomes StoreUnavailableError (the
    shared guard, `common.redis.guarded`)."""
    return await guarded(operation, store, StoreUnavailableError, name_the_error=name_the_error)
