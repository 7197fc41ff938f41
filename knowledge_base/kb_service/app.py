"""The knowledge-base service's app factory."""

from __future__ import annotations

import logging

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse, json

from .config import KBConfig
from .content import load_entries
from .embedding import Embedder, EmbeddingCache, load_embedder
from .index import SearchIndex
from .routes import health, search
from .services import load_services

logger = logging.getLogger(__name__)


def _error_body(code: str, message: str, status: int) -> HTTPResponse:
    return json({"error": {"code": code, "message": message}}, status=status)


async def _handle_sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
    code = getattr(exc, "code", None) or type(exc).__name__
    return _error_body(code, str(exc), exc.status_code)


async def _handle_unexpected(request: Request, exc: Exception) -> HTTPResponse:
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return _error_body("internal_error", "Something went wrong on our side.", 500)


def create_app(config: KBConfig | None = None, *, embedder: Embedder | None = None) -> Sanic:
    """Build the app. Content is validated and embedded here, so a bad file stops start-up."""
    config = config or KBConfig.from_env()
    services = load_services(config.services_file)
    entries = load_entries(config.content_dir, services)
    embedder = embedder or load_embedder(config.model)
    cache = EmbeddingCache(config.cache_dir, config.model) if config.cache_dir else None
    index = SearchIndex(entries, embedder, cache=cache)

    app = Sanic("ung_veileder_kb")
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.ctx.config = config
    app.ctx.services = services
    app.ctx.index = index
    app.blueprint(health.bp)
    app.blueprint(search.bp)
    app.error_handler.add(SanicException, _handle_sanic_error)
    app.error_handler.add(Exception, _handle_unexpected)
    logger.info("knowledge base ready: %d entries, model %s", len(index), config.model)
    return app
