"""Liveness and readiness: the index is built before the app exists, so reachable means ready."""

from __future__ import annotations

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json

bp = Blueprint("health")


@bp.get("/healthz")
async def healthz(request: Request) -> HTTPResponse:
    app_ctx = request.app.ctx
    return json({"status": "ok", "entries": len(app_ctx.index), "model": app_ctx.config.model})
