"""The content-owner API under /v1/admin: log in, list and edit entries, move them through the
workflow, see versions with diffs, revert, read the audit log, and manage users (admin).

Every endpoint but login needs `Authorization: Bearer <token>` and checks the role and the entry's
directorate (`workflow.py`). Tokens are sent as a header, never a cookie, so a cross-site form
cannot act for a logged-in user.
"""

from __future__ import annotations

import difflib
import json as jsonlib
from typing import Any

import yaml
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json

from common.jsonbody import BodyError, parse_json_object
from common.proxy import client_address

from ..accounts import check_new_user
from ..content import Entry, validate_entry
from ..errors import (
    ConflictError, EntryNotFoundError, ForbiddenError, InvalidRequestError, MalformedJSONError, PayloadTooLargeError,
    TooManyRequestsError, UnauthorizedError, store_call,
)
from ..store import entry_json
from ..workflow import TRANSITIONS, User, allowed_actions, check_action, check_read

bp = Blueprint("admin", url_prefix="/admin", version=1)

MAX_BODY_BYTES = 64 * 1024


def body(request: Request) -> dict[str, Any]:
    """The request body as a JSON object (common/jsonbody.py): 413 over the limit, 400
    `malformed_json` for anything unreadable; lone surrogates and NULs repaired."""
    try:
        return parse_json_object(request.body or b"", max_bytes=MAX_BODY_BYTES, allow_empty=True)
    except BodyError as error:
        if error.code == "payload_too_large":
            raise PayloadTooLargeError(str(error)) from None
        raise MalformedJSONError(str(error)) from None


def token_of(request: Request) -> str | None:
    header = request.headers.get("authorization") or ""
    return header[7:].strip() if header.lower().startswith("bearer ") else None


async def current_user(request: Request) -> User:
    return await request.app.ctx.accounts.user_for_token(token_of(request))


def user_json(user: User) -> dict[str, Any]:
    """The user, and `role_actions`: what the role may do to some entry (`TRANSITIONS`)."""
    role_actions = [action for action, (roles, _, _) in TRANSITIONS.items() if user.role in roles]
    return {"username": user.username, "role": user.role, "directorates": list(user.directorates), "role_actions": role_actions}


def state_json(user: User, state: Any, directorate: str) -> dict[str, Any]:
    """An entry's workflow state, with `allowed_actions`: what `user` may do to it now."""
    return {**state.to_json(), "allowed_actions": allowed_actions(user, directorate, state.status, state.author)}


async def entry_view(ctx, entry_id: str) -> tuple[Entry | None, Entry | None, Any]:
    store = ctx.store
    state = await store.state(entry_id)
    if state is None:
        raise EntryNotFoundError(f"No entry with id {entry_id!r}.", params={"id": entry_id})
    return await store.published_entry(entry_id), await store.working(entry_id), state


def directorate_of(published: Entry | None, working: Entry | None) -> str:
    return (working or published).directorate


def dump(entry: Entry | None) -> dict[str, Any] | None:
    return jsonlib.loads(entry_json(entry)) if entry else None


@bp.post("/login")
async def login(request: Request) -> HTTPResponse:
    data = body(request)
    ctx = request.app.ctx
    username = str(data.get("username", "")).lower()[:80]
    address = client_address(request, ctx.config.trusted_proxies)
    wait = await store_call(ctx.throttle.retry_after(username, address), "content", name_the_error=False)
    if wait > 0:
        await ctx.store.audit(username, "login_throttled", detail="429")
        raise TooManyRequestsError("Too many failed logins: wait a while and try again.", wait, reason="too_many_logins")
    try:
        token = await ctx.accounts.login(username, str(data.get("password", "")))
    except UnauthorizedError:
        await store_call(ctx.throttle.failed(username, address), "content", name_the_error=False)
        raise
    user = await ctx.accounts.user_for_token(token)
    return json({"token": token, "user": user_json(user)})


@bp.post("/logout")
async def logout(request: Request) -> HTTPResponse:
    await current_user(request)
    await request.app.ctx.accounts.logout(token_of(request))
    return json({"ok": True})


@bp.get("/me")
async def me(request: Request) -> HTTPResponse:
    user = await current_user(request)
    directorates = sorted({service.owner for service in request.app.ctx.services.values()})
    services = [{"id": s.id, "name": s.name, "owner": s.owner, "checked": s.checked} for s in request.app.ctx.services.values()]
    return json({"user": user_json(user), "directorates": directorates, "services": services})


@bp.get("/entries")
async def list_entries(request: Request) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    status_filter = request.args.get("status")
    rows = []
    for view in await ctx.store.views(await ctx.store.ids()):
        entry, state = view.current, view.state
        if entry is None or state is None or not user.covers(entry.directorate):
            continue
        if status_filter and state.status != status_filter:
            continue
        rows.append({
            "id": view.entry_id, "title": entry.title, "service": entry.service, "directorate": entry.directorate,
            **state_json(user, state, entry.directorate),
        })
    return json({"entries": rows})


@bp.get("/entries/<entry_id:str>")
async def get_entry(request: Request, entry_id: str) -> HTTPResponse:
    user = await current_user(request)
    published, working, state = await entry_view(request.app.ctx, entry_id)
    directorate = directorate_of(published, working)
    check_read(user, directorate)
    return json({"published": dump(published), "working": dump(working), "state": state_json(user, state, directorate)})


@bp.post("/entries")
async def create_entry(request: Request) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    entry = validate_entry(body(request), ctx.services)
    if await ctx.store.exists(entry.id):
        raise ConflictError(f"An entry with id {entry.id!r} exists already.", reason="entry_exists", params={"id": entry.id})
    status = check_action(user, "create", {entry.directorate}, None)
    state = await ctx.store.save_working(entry, user.username, status, "create")
    return json({"state": state_json(user, state, entry.directorate), "working": dump(entry)}, status=201)


@bp.put("/entries/<entry_id:str>")
async def edit_entry(request: Request, entry_id: str) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    published, working, state = await entry_view(ctx, entry_id)
    data = body(request)
    if data.get("id", entry_id) != entry_id:
        raise InvalidRequestError("The id of an entry cannot change.", reason="id_immutable")
    entry = validate_entry({**data, "id": entry_id}, ctx.services)
    status = check_action(user, "edit", {directorate_of(published, working), entry.directorate}, state.status)
    state = await ctx.store.save_working(entry, user.username, status, "edit")
    return json({"state": state_json(user, state, entry.directorate), "working": dump(entry)})


@bp.post("/entries/<entry_id:str>/<action:str>")
async def move_entry(request: Request, entry_id: str, action: str) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    if action not in ("submit", "reject", "publish", "archive", "revert"):
        raise EntryNotFoundError(f"No action {action!r}.", reason="unknown_action", params={"action": action})
    published, working, state = await entry_view(ctx, entry_id)
    directorate = directorate_of(published, working)
    status = check_action(user, action, {directorate}, state.status, author=state.author)
    if action == "revert":
        version = body(request).get("version")
        old = next((v for v in await ctx.store.versions(entry_id) if v["version"] == version and v.get("entry")), None)
        if old is None:
            raise InvalidRequestError("Field 'version' must name a version with content.", reason="version_without_content")
        entry = validate_entry(old["entry"], ctx.services)
        check_read(user, entry.directorate)
        state = await ctx.store.save_working(entry, user.username, status, "revert", authored=True, restored_version=old["version"])
    elif action == "publish":
        state = await ctx.store.publish(working or published, user.username)
        await ctx.live.apply(entry_id)  # this replica at once; the others through pub/sub
    elif action == "archive":
        state = await ctx.store.archive(entry_id, user.username)
        await ctx.live.apply(entry_id)
    else:
        state = await ctx.store.set_status(entry_id, status, user.username, action)
    return json({"state": state_json(user, state, directorate)})


@bp.get("/entries/<entry_id:str>/versions")
async def versions(request: Request, entry_id: str) -> HTTPResponse:
    user = await current_user(request)
    published, working, _ = await entry_view(request.app.ctx, entry_id)
    check_read(user, directorate_of(published, working))
    rows = await request.app.ctx.store.versions(entry_id)
    return json({"versions": [{k: v for k, v in row.items() if k != "entry"} | {"has_content": bool(row.get("entry"))} for row in rows]})


def _as_lines(entry: dict[str, Any] | None) -> list[str]:
    return yaml.safe_dump(entry or {}, allow_unicode=True, sort_keys=True, width=100).splitlines()


@bp.get("/entries/<entry_id:str>/diff")
async def diff(request: Request, entry_id: str) -> HTTPResponse:
    user = await current_user(request)
    published, working, _ = await entry_view(request.app.ctx, entry_id)
    check_read(user, directorate_of(published, working))
    rows = {row["version"]: row for row in await request.app.ctx.store.versions(entry_id)}
    try:
        to_version = int(request.args.get("to") or max(rows))
        from_version = int(request.args.get("from") or max([v for v in rows if v < to_version and rows[v].get("entry")] or [to_version]))
    except ValueError:
        raise InvalidRequestError("Parameters 'from' and 'to' must be version numbers.", reason="bad_version_range") from None
    if from_version not in rows or to_version not in rows:
        raise InvalidRequestError("No such version.", reason="no_such_version")
    lines = list(difflib.unified_diff(
        _as_lines(rows[from_version].get("entry")), _as_lines(rows[to_version].get("entry")),
        f"version {from_version}", f"version {to_version}", lineterm="",
    ))
    return json({"from": from_version, "to": to_version, "diff": lines})


@bp.get("/audit")
async def audit(request: Request) -> HTTPResponse:
    """The audit log, newest first (`?entry_id=` for one entry's). Each event has `id`, `ts`, `who`,
    `entry_id`, and `code` (seed, create, edit, submit, reject, publish, archive, revert, add_user,
    attach_question, dismiss_question, login_throttled) with its fields: `status`, `version` (the
    version the event made), `restored_version` (a revert), `count` (seed), `username` and `role`
    (add_user), `group_id` (a question group). `action` and `detail` are the English text the log
    always had; events written before the codes have only those."""
    user = await current_user(request)
    rows = await request.app.ctx.store.audit_log(entry_id=request.args.get("entry_id"))
    if user.role != "admin":
        entry_ids = sorted({row["entry_id"] for row in rows if row["entry_id"]})
        visible = {
            view.entry_id for view in await request.app.ctx.store.views(entry_ids)
            if view.current is not None and user.covers(view.current.directorate)
        }
        rows = [row for row in rows if row["entry_id"] in visible]
    return json({"audit": rows})


@bp.get("/users")
async def users(request: Request) -> HTTPResponse:
    user = await current_user(request)
    if user.role != "admin":
        raise ForbiddenError("Only an admin manages users.", reason="admins_only")
    return json({"users": [user_json(u) for u in await request.app.ctx.accounts.users()]})


@bp.post("/users")
async def add_user(request: Request) -> HTTPResponse:
    user = await current_user(request)
    if user.role != "admin":
        raise ForbiddenError("Only an admin manages users.", reason="admins_only")
    data = body(request)
    directorates = data.get("directorates") or []
    if not isinstance(directorates, list):
        raise InvalidRequestError("Field 'directorates' must be a list.", reason="directorates_not_list")
    known = {service.owner for service in request.app.ctx.services.values()}
    check_new_user(str(data.get("username", "")), data.get("password"), str(data.get("role", "")), directorates, known)
    added = await request.app.ctx.accounts.add(data["username"], data["password"], data["role"], directorates)
    await request.app.ctx.store.audit(
        user.username, "add_user", detail=f"{added.username} ({added.role})", username=added.username, role=added.role,
    )
    return json({"user": user_json(added)}, status=201)


@bp.get("/export.csv")
async def export_csv(request: Request) -> HTTPResponse:
    from sanic.response import text

    from ..import_export import to_csv

    user = await current_user(request)
    entries = [e for e in await request.app.ctx.store.published() if user.covers(e.directorate)]
    return text(to_csv(entries), content_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="kb-entries.csv"'})


@bp.post("/import.csv")
async def import_csv(request: Request) -> HTTPResponse:
    """Rows become drafts (new entries or changes), to go through review like any edit."""
    from ..import_export import from_csv

    user = await current_user(request)
    ctx = request.app.ctx
    try:
        text_body = (request.body or b"").decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidRequestError("The CSV must be UTF-8.", reason="csv_not_utf8") from None
    entries = from_csv(text_body, ctx.services)
    plans = []
    for entry in entries:  # check every row before changing anything
        state = await ctx.store.state(entry.id)
        if state is None:
            check_action(user, "create", {entry.directorate}, None)
            plans.append((entry, "create"))
        else:
            published, working, _ = await entry_view(ctx, entry.id)
            check_action(user, "edit", {directorate_of(published, working), entry.directorate}, state.status)
            plans.append((entry, "edit"))
    for entry, action in plans:
        await ctx.store.save_working(entry, user.username, "draft", action)
    return json({"imported": len(plans), "created": sum(a == "create" for _, a in plans)})


async def _entry_directorates(ctx) -> dict[str, str]:
    return {entry.id: entry.directorate for entry in ctx.index.entries}


def _scope(user: User) -> set[str] | None:
    return None if user.role == "admin" else set(user.directorates)


@bp.get("/insights/unanswered")
async def unanswered(request: Request) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    scope = _scope(user)
    wanted = request.args.get("directorate")
    if wanted:
        check_read(user, wanted)
        scope = {wanted}
    groups = await ctx.insights.groups(ctx.embedder.encode, await _entry_directorates(ctx), scope)
    return json({"groups": groups})


async def _group(request: Request, user: User, group_id: str) -> dict[str, Any]:
    ctx = request.app.ctx
    for group in await ctx.insights.groups(ctx.embedder.encode, await _entry_directorates(ctx), _scope(user)):
        if group["id"] == group_id:
            return group
    raise EntryNotFoundError(f"No question group {group_id!r} for you.", reason="group_not_found")


@bp.post("/insights/unanswered/<group_id:str>/attach")
async def attach(request: Request, group_id: str) -> HTTPResponse:
    """The group's question becomes a new phrasing on an entry (as a draft, for review)."""
    user = await current_user(request)
    ctx = request.app.ctx
    group = await _group(request, user, group_id)
    entry_id = str(body(request).get("entry_id", ""))
    published, working, state = await entry_view(ctx, entry_id)
    current = working or published
    check_action(user, "edit", {current.directorate}, state.status)
    if group["example"] in current.phrasings:
        raise ConflictError("The entry has this phrasing already.", reason="phrasing_exists")
    updated = validate_entry({**dump(current), "phrasings": [*current.phrasings, group["example"]]}, ctx.services)
    state = await ctx.store.save_working(updated, user.username, "draft", "edit")
    await ctx.insights.dismiss(group_id)
    await ctx.store.audit(user.username, "attach_question", entry_id, group_id, group_id=group_id)
    return json({"state": state_json(user, state, updated.directorate), "working": dump(updated)})


@bp.post("/insights/unanswered/<group_id:str>/dismiss")
async def dismiss(request: Request, group_id: str) -> HTTPResponse:
    user = await current_user(request)
    await _group(request, user, group_id)
    await request.app.ctx.insights.dismiss(group_id)
    await request.app.ctx.store.audit(user.username, "dismiss_question", detail=group_id, group_id=group_id)
    return json({"ok": True})


@bp.get("/insights/stats")
async def stats(request: Request) -> HTTPResponse:
    user = await current_user(request)
    ctx = request.app.ctx
    return json({"directorates": await ctx.insights.stats(await _entry_directorates(ctx), _scope(user))})
