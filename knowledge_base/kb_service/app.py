"""The knowledge-base service's app factory."""

from __future__ import annotations

import logging

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.request import Request
from sanic.response import HTTPResponse, json

from common.login_throttle import LoginThrottle
from common.redis import connect_url

from .config import KBConfig
from .content import load_entries
from .domain import ServiceNames, read_outside_questions
from .embedding import Embedder, EmbeddingCache, encode_texts, load_embedder
from .index import SearchIndex
from .accounts import Accounts
from .errors import StoreUnavailableError
from .insights import Insights
from .live import LiveIndex
from .routes import admin, health, pages, search
from .services import load_services
from .store import ContentStore

logger = logging.getLogger(__name__)


def _error_body(
    code: str, message: str, status: int, fields: list | None = None, reason: str | None = None, params: dict | None = None,
) -> HTTPResponse:
    error: dict = {"code": code, "reason": reason or code, "message": message}
    if params:
        error["params"] = params
    if fields:
        error["fields"] = fields
    return json({"error": error}, status=status)


async def _handle_sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
    code = getattr(exc, "code", None) or type(exc).__name__
    reply = _error_body(
        code, str(exc), exc.status_code, getattr(exc, "fields", None), getattr(exc, "reason", None), getattr(exc, "params", None),
    )
    reply.headers.update(getattr(exc, "headers", None) or {})  # Retry-After on a 429
    return reply


async def _handle_unexpected(request: Request, exc: Exception) -> HTTPResponse:
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return _error_body("internal_error", "Something went wrong on our side.", 500)


def _attach_store(app: Sanic, config: KBConfig, seed_entries: list) -> None:
    """Store mode: entries live in Redis, seeded from the YAML files; edits are published live."""
    # The shared retry policy: a dropped connection (a Redis restart) or a connect attempt that
    # times out is retried, not turned into a 503. No read timeout: the replica's pub/sub listener
    # (live.py) blocks on this client's connections until a change comes.
    client = connect_url(config.redis_url, socket_timeout=None)
    app.ctx.store = ContentStore(client)
    app.ctx.accounts = Accounts(client)
    app.ctx.throttle = LoginThrottle(client, "uv:kb:login-failures")
    app.ctx.insights = Insights(client, app.ctx.services, retention_days=config.insights_retention_days)
    app.ctx.live = LiveIndex(app.ctx, app.ctx.store)

    @app.before_server_start
    async def sync_with_store(app: Sanic) -> None:
        await app.ctx.live.start(seed_entries)

    @app.after_server_stop
    async def close_store(app: Sanic) -> None:
        await app.ctx.live.stop()
        await client.close()


async def _require_store(request: Request) -> None:
    if request.path.startswith("/v1/admin") and getattr(request.app.ctx, "store", None) is None:
        raise StoreUnavailableError(
            "This knowledge base runs from files only: set REDIS_URL to edit content.", reason="files_only"
        )


async def _openapi_json(request: Request) -> HTTPResponse:
    """The OpenAPI document at the root, where tools look for it."""
    from sanic_ext.extensions.openapi.builders import SpecificationBuilder

    return json(SpecificationBuilder().build(request.app).serialize())


# On every response; the admin pages set a full CSP of their own (routes/pages.py). Other HTML
# (the /docs page sanic-ext serves when KB_DOCS=1) at least may not be framed. Nothing from the
# admin API (tokens, drafts, users) may be kept by a browser or a proxy cache.
BASELINE_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
NO_STORE_PREFIX = "/v1/admin"


async def _baseline_security_headers(request: Request, response: HTTPResponse) -> None:
    for name, value in BASELINE_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith(NO_STORE_PREFIX):
        response.headers["Cache-Control"] = "no-store"
    if (response.content_type or "").startswith("text/html"):
        response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")


async def _no_docs(request: Request) -> None:
    """The /docs pages (sanic-ext) load a script from a CDN without integrity: 404 unless KB_DOCS=1."""
    if request.path == "/docs" or request.path.startswith("/docs/"):
        raise NotFound("No such page.")


def create_app(config: KBConfig | None = None, *, embedder: Embedder | None = None) -> Sanic:
    """Build the app. Content is validated and embedded here, so a bad file stops start-up."""
    config = config or KBConfig.from_env()
    services = load_services(*config.catalogue_files)
    entries = load_entries(config.content_dir, services)
    embedder = embedder or load_embedder(config.model)
    cache = EmbeddingCache(config.cache_dir, config.model) if config.cache_dir else None
    outside_texts = read_outside_questions(config.outside_file) + read_outside_questions(config.outside_more_file)
    outside = encode_texts(outside_texts, embedder, cache) if outside_texts else None
    index = SearchIndex(entries, embedder, cache=cache, outside=outside, outside_texts=outside_texts or None)

    app = Sanic("ung_veileder_kb")
    app.config.FALLBACK_ERROR_FORMAT = "json"
    # Bodies over this are refused before they are read (the CSV import is the largest, 5 MB).
    app.config.REQUEST_MAX_SIZE = 6 * 1024 * 1024
    # OpenAPI (sanic-ext): the document at /openapi.json, the browsable docs at /docs.
    app.config.OAS_URL_PREFIX = "/docs"
    app.config.CORS = False
    app.ext.openapi.describe(
        "Ung Veileder knowledge base",
        version="1",
        description="Search API for the bot, and the content-owner API (Bearer token from /v1/admin/login).",
    )
    app.ext.openapi.add_security_scheme("token", "http", scheme="bearer")
    app.add_route(_openapi_json, "/openapi.json", name="openapi_json")
    app.ctx.config = config
    app.ctx.services = services
    app.ctx.service_names = ServiceNames(services)
    app.ctx.index = index
    app.ctx.store = None
    app.ctx.insights = None
    app.ctx.embedder = embedder
    app.blueprint(health.bp)
    app.blueprint(search.bp)
    app.blueprint(admin.bp)
    app.blueprint(pages.bp)
    app.on_request(_require_store)
    if not config.docs:
        app.on_request(_no_docs)
    app.on_response(_baseline_security_headers)
    if config.redis_url:
        _attach_store(app, config, entries)
    app.error_handler.add(SanicException, _handle_sanic_error)
    app.error_handler.add(Exception, _handle_unexpected)
    logger.info("knowledge base ready: %d entries, model %s", len(index), config.model)
    return app
