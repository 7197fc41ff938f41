"""Errors the channels answer with, each with its HTTP status and a stable code.

    ChannelError
    └── ChannelInputError      400: the request body is not a valid message
        └── PayloadTooLargeError   413: the body is over the size limit
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
