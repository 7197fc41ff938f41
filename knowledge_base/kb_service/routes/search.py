"""Search API: a young person's question in, ranked entries and a confidence flag out."""

from __future__ import annotations

import hmac
import logging

from sanic import Blueprint
from sanic_ext import openapi
from sanic.request import Request
from sanic.response import HTTPResponse, json

from ..config import KBConfig
from ..confidence import is_confident
from ..domain import is_short
from ..errors import EntryNotFoundError, InvalidQueryError
from ..results import SearchResult

bp = Blueprint("search", version=1)
logger = logging.getLogger(__name__)

DEFAULT_K = 5


def parse_query(request: Request, config: KBConfig) -> tuple[str, int]:
    query = (request.args.get("q") or "").strip()
    if not query:
        raise InvalidQueryError("Parameter 'q' is required and must not be empty.")
    if len(query) > config.max_query_chars:
        raise InvalidQueryError(
            f"Parameter 'q' is too long: at most {config.max_query_chars} characters."
        )
    raw_k = request.args.get("k")
    try:
        k = DEFAULT_K if raw_k is None else int(raw_k)
    except ValueError:
        raise InvalidQueryError("Parameter 'k' must be a whole number.") from None
    if not 1 <= k <= config.max_k:
        raise InvalidQueryError(f"Parameter 'k' must be between 1 and {config.max_k}.")
    return query, k


def parse_context(request: Request, config: KBConfig) -> str | None:
    """The optional `context` (the last question); None when absent or blank."""
    context = (request.args.get("context") or "").strip()
    if len(context) > config.max_query_chars:
        raise InvalidQueryError(
            f"Parameter 'context' is too long: at most {config.max_query_chars} characters."
        )
    return context or None


def from_the_bot(request: Request, config: KBConfig) -> bool:
    """Does the search carry the bot's service token? Anonymous searches are answered but never
    logged, so nobody else can fill the content owners' queue of unanswered questions."""
    if not config.service_token:
        return False
    header = request.headers.get("authorization") or ""
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    return hmac.compare_digest(token.encode(), config.service_token.encode())


def _in_background(app, coroutine) -> None:
    """Learning-from-use logging must never slow a search down or fail it."""

    async def run() -> None:
        try:
            await coroutine
        except Exception as exc:  # Redis down: the search already answered
            logger.warning("search not logged for insights: %s", type(exc).__name__)

    app.add_task(run())


@bp.get("/search")
@openapi.summary("Search the knowledge base")
@openapi.parameter("q", str, location="query", required=True, description="The young person's question (1-1000 characters)")
@openapi.parameter("k", int, location="query", description="How many results (1-20, default 5)")
@openapi.parameter(
    "context", str, location="query",
    description="The conversation's last question (1-1000 characters): the answer also has `in_context`, "
    "the results for q read as its follow-up (not logged as a question)",
)
@openapi.response(200, description="Ranked results and whether the top one is trusted")
@openapi.response(400, description="A missing, empty or too long q, a too long context, or a bad k")
async def search(request: Request) -> HTTPResponse:
    ctx = request.app.ctx
    query, k = parse_query(request, ctx.config)
    context = parse_context(request, ctx.config)
    # Two hits at least, so the margin to the runner-up is known whatever k is.
    hits = ctx.index.search(query, max(k, 2))
    body = _ranked(ctx, hits, k)
    if getattr(ctx, "insights", None) is not None and from_the_bot(request, ctx.config):
        top = hits[0] if hits else None
        record = ctx.insights.record_search(
            query, top.entry.service if top else None, top.entry.id if top else None,
            top.score if top else 0.0, body["confident"], bool(body["results"]),
        )
        _in_background(request.app, record)
    # The services the question names by name ("hva med fastlegen?"): a follow-up that names
    # another service than the last answer's is about that one.
    named = ctx.service_names.named(query)
    in_domain = ctx.index.in_domain(query)
    if in_domain is not None and named and is_short(query):
        in_domain = 1.0  # "kva gjer rusinfo": a short question that names a service is about it
    if in_domain is not None:
        body["in_domain"] = round(in_domain, 4)
    body["named"] = named
    if context:
        body["in_context"] = _ranked(ctx, ctx.index.search_in_context(query, context, max(k, 2)), k)
    return json(body)


def _ranked(ctx, hits, k: int) -> dict:
    """`{"results", "confident"}` for ranked hits: confidence from the top two, then the first
    `k` that reach the minimum score."""
    confident = is_confident([hit.score for hit in hits], ctx.config)
    results = [SearchResult.from_hit(hit, ctx.services) for hit in hits[:k] if hit.score >= ctx.config.min_score]
    return {"results": [result.to_json() for result in results], "confident": confident}


@bp.get("/entries/<entry_id:str>")
@openapi.summary("One published entry")
@openapi.response(200, description="The entry")
@openapi.response(404, description="No such entry")
async def get_entry(request: Request, entry_id: str) -> HTTPResponse:
    ctx = request.app.ctx
    entry = ctx.index.get(entry_id)
    if entry is None:
        raise EntryNotFoundError(f"No entry with id {entry_id!r}.")
    result = SearchResult.from_entry(entry, ctx.services[entry.service], score=1.0)
    return json(result.to_json())
