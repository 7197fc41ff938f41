"""The content-owner pages: one static page and its scripts and style, under /admin/, with the
staff pages' shared stylesheet, script and login form, and the vendored lit (common/staff/)."""

from __future__ import annotations

from pathlib import Path

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from common import staff

from ..errors import EntryNotFoundError

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
TYPES = {".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}

bp = Blueprint("pages", url_prefix="/admin")


def _file(name: str) -> HTTPResponse:
    path = STATIC_DIR / name
    if name in staff.FILES:
        path = staff.STAFF_DIR / name
    elif name in staff.VENDORED:
        path = staff.VENDOR_DIR / name
    elif path.suffix not in TYPES or path.parent != STATIC_DIR or not path.is_file():
        raise EntryNotFoundError("No such page.")
    body = path.read_bytes()
    if name == "admin.html":
        body = staff.assemble(body)
    return raw(body, content_type=TYPES[path.suffix], headers=HEADERS)


@bp.get("/", strict_slashes=True)
@openapi.exclude()
async def page(request: Request) -> HTTPResponse:
    return _file("admin.html")


@bp.get("/static/<name:str>")
@openapi.exclude()
async def static(request: Request, name: str) -> HTTPResponse:
    return _file(name)
