"""The action server's knowledge-base client: the service token marks the bot's searches."""

from __future__ import annotations

from aiohttp import web

from actions.kb_client import KBClient


async def serve(seen: list) -> tuple[web.AppRunner, str]:
    async def search(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Authorization"))
        return web.json_response({"results": [], "confident": False})

    app = web.Application()
    app.router.add_get("/v1/search", search)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}"


async def test_the_service_token_goes_with_every_search_and_only_when_set():
    seen: list = []
    runner, base = await serve(seen)
    try:
        await KBClient(base, 3.0, "s3cret-token").search("skattekort", 3)
        await KBClient(base, 3.0).search("skattekort", 3)
    finally:
        await runner.cleanup()
    assert seen == ["Bearer s3cret-token", None]
