"""Errors the channels answer with, each with its HTTP status and a stable code.

    ChannelError
    ├── ChannelInputError      400: the request body is not a valid message
    │   └── PayloadTooLargeError   413: the body is over the size limit
    ├── UnknownSessionError    404: a widget session that expired, was deleted or never existed
    ├── NotFoundError          404: something else the request names does not exist
    ├── RateLimitedError       429: too many messages in a short time
    └── StoreUnavailableError  503: Redis is down, and the request cannot be served without it
"""

from __future__ import annotations

from sanic.response import HTTPResponse, json


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


class UnknownSessionError(ChannelError):
    status = 404
    code = "unknown_session"


class NotFoundError(ChannelError):
    status = 404
    code = "not_found"


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
