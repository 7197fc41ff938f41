"""A tiny HTTP client for the widget channel in tests."""

from __future__ import annotations

import json

import aiohttp


async def call(method: str, url: str, body: bytes | str | dict | None = None, headers: dict | None = None):
    if isinstance(body, dict):
        body = json.dumps(body)
    async with aiohttp.ClientSession() as session:
        async with session.request(method, url, data=body, headers=headers or {}) as response:
            return response.status, await response.json(content_type=None), response.headers


async def new_session(base: str) -> str:
    status, body, _ = await call("POST", base + "/session", "{}")
    assert status == 201
    return body["session"]


def message(session: str, text: str = "hvordan får jeg skattekort", client_id: str = "c-00000001", **extra) -> dict:
    return {"session": session, "message": text, "client_id": client_id, **extra}
