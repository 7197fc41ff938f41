"""Run a channel's blueprint in a real Sanic 21.12 server (Rasa's) on a free port."""

from __future__ import annotations

import itertools
from contextlib import asynccontextmanager

import aiohttp
from sanic import Sanic

from support.processes import stack

_names = itertools.count()


@asynccontextmanager
async def serve_channel(channel, on_new_message):
    """Yield the channel's base URL (/webhooks/<name>) while it is served."""
    Sanic.test_mode = True
    app = Sanic(f"channel_test_{next(_names)}")
    app.blueprint(channel.blueprint(on_new_message), url_prefix=f"/webhooks/{channel.name()}")
    port = stack.free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    await server.before_start()
    await server.after_start()  # the channels' listeners run as they do in Rasa
    try:
        yield f"http://127.0.0.1:{port}/webhooks/{channel.name()}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
        Sanic._app_registry.pop(app.name, None)


async def post(url: str, body: bytes | str) -> tuple[int, object]:
    data = body.encode() if isinstance(body, str) else body
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=data) as response:
            return response.status, await response.json(content_type=None)
