"""Errors the channels (the REST webhook, the widget and the caseworker console) answer with,
each with its HTTP status and a stable code; every handler turns any of them into the same JSON
shape, `{"error": {"code", "message"}}`, with one `except ChannelError`.

    ChannelError
    ├── ChannelInputError      400: the request body is not a valid message
    │   └── PayloadTooLargeError   413: the body is over the size limit
    ├── UnauthorizedError      401: no console session, or a wrong username or password
    ├── ForbiddenError         403: a console POST without the session's CSRF token, a claim of
    │                               another team's ticket
    ├── UnknownSessionError    404: a widget session that expired, was deleted or never existed
    ├── NotFoundError          404: something else the request names does not exist
    ├── TicketError            409: a ticket operation that cannot be done
    ├── RateLimitedError       429: too many messages or failed logins in a short time
    └── StoreUnavailableError  503: Redis is down, and the request cannot be served without it

`store_call` turns a failed Redis call into the last of these, for every store of the channels.
"""

from __future__ import annotations

from typing import Awaitable, TypeVar

from sanic.response import HTTPResponse, json

from common.redis import guarded

T = TypeVar("T")


class ChannelError(Exception):
    status = 500
    code = "channel_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def to_response(self) -> HTTPResponse:
        return json({"error": {"code": self.code, "message": self.message}}, status=self.status)


class ChannelInputError(ChannelError):
    status = 400
    code = "invalid_message"


class PayloadTooLargeError(ChannelInputError):
    status = 413
    code = "payload_too_large"


class UnauthorizedError(ChannelError):
    status = 401
    code = "unauthorized"


class ForbiddenError(ChannelError):
    status = 403
    code = "forbidden"


class UnknownSessionError(ChannelError):
    status = 404
    code = "unknown_session"


class NotFoundError(ChannelError):
    status = 404
    code = "not_found"


class TicketError(ChannelError):
    """Someone else claimed the ticket, it is closed, it is not yours, ... (a claim of another
    team's ticket is a ForbiddenError)."""

    status = 409
    code = "conflict"


class RateLimitedError(ChannelError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after_seconds: float) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds

    def to_response(self) -> HTTPResponse:
        reply = super().to_response()
        reply.headers["Retry-After"] = str(max(1, round(self.retry_after_seconds)))
        return reply


class StoreUnavailableError(ChannelError):
    status = 503
    code = "store_unavailable"


async def store_call(operation: Awaitable[T], store: str, *, name_the_error: bool = True) -> T:
    """Await one Redis `operation`; a Redis or socket error becomes StoreUnavailableError (the
    shared guard, `common.redis.guarded`)."""
    return await guarded(operation, store, StoreUnavailableError, name_the_error=name_the_error)
