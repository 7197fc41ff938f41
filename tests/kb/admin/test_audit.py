"""The audit log and the versions say what happened as codes with fields (numbers as numbers), for
a client to word, beside the English text they always had; records written before the codes come
back as they were stored."""

from __future__ import annotations

import asyncio
import itertools

import redis

from knowledge_base.kb_service.content import Entry
from knowledge_base.kb_service.store import AUDIT_CODES, ContentStore
from support.kb_admin import skatt_entry

_ids = itertools.count()


def published_entry(admin_client) -> str:
    """A fresh Skatteetaten entry, created by skatt-editor, then sent to review and published."""
    entry_id = f"audit-{next(_ids)}"
    assert admin_client.call("skatt-editor", "POST", "/entries", json=skatt_entry(entry_id)).status_code == 201
    assert admin_client.call("skatt-editor", "POST", f"/entries/{entry_id}/submit").status_code == 200
    assert admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/publish").status_code == 200
    return entry_id


# (code, status, version, English action, English detail), oldest first, for the walk below.
WALK = [
    ("create", "draft", 1, "create", "draft"),
    ("submit", "in_review", 2, "submit", "in_review"),
    ("publish", "published", 3, "publish", "version 3"),
    ("archive", "archived", 4, "archive", ""),
    ("revert", "draft", 5, "revert to version 3", "draft"),
    ("edit", "draft", 6, "edit", "draft"),
    ("submit", "in_review", 7, "submit", "in_review"),
    ("reject", "draft", 8, "reject", "draft"),
]


def test_every_workflow_event_has_its_code_status_and_version_beside_the_text(admin_client):
    entry_id = published_entry(admin_client)
    for user, method, suffix, body in (
        ("skatt-reviewer", "POST", "/archive", None),
        ("skatt-editor", "POST", "/revert", {"version": 3}),
        ("skatt-editor", "PUT", "", skatt_entry(entry_id, "Andre svar.")),
        ("skatt-editor", "POST", "/submit", None),
        ("skatt-reviewer", "POST", "/reject", None),
    ):
        response = admin_client.call(user, method, f"/entries/{entry_id}{suffix}", json=body)
        assert response.status_code == 200, response.text

    rows = list(reversed(admin_client.call("admin", "GET", "/audit", params={"entry_id": entry_id}).json()["audit"]))
    assert [(r["code"], r["status"], r["version"], r["action"], r["detail"]) for r in rows] == WALK
    assert all(r["entry_id"] == entry_id and r["who"] and r["ts"] for r in rows)
    [revert] = [r for r in rows if r["code"] == "revert"]
    assert revert["restored_version"] == 3
    assert not any("restored_version" in r for r in rows if r["code"] != "revert")

    versions = admin_client.call("skatt-editor", "GET", f"/entries/{entry_id}/versions").json()["versions"]
    assert [(v["code"], v["status"], v["version"], v["action"]) for v in versions] == [w[:4] for w in WALK]
    assert [v.get("restored_version") for v in versions] == [None, None, None, None, 3, None, None, None]


def test_adding_a_user_is_audited_with_the_name_and_role(admin_client):
    response = admin_client.call("admin", "POST", "/users", json={
        "username": "audit-probe", "password": "riktig-hest-batteri", "role": "reviewer", "directorates": ["nav"],
    })
    assert response.status_code == 201, response.text
    row = next(r for r in admin_client.call("admin", "GET", "/audit").json()["audit"] if r["code"] == "add_user")
    assert (row["username"], row["role"], row["action"], row["detail"]) == ("audit-probe", "reviewer", "add_user", "audit-probe (reviewer)")


def test_an_event_from_before_the_codes_comes_back_as_stored(admin_client, redis_url):
    entry_id = published_entry(admin_client)
    old = {"who": "skatt-editor", "action": "revert to version 1", "entry_id": entry_id, "detail": "draft", "ts": "1700000000000"}
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        client.xadd("uv:kb:audit", old)
    finally:
        client.close()
    [row, *_] = admin_client.call("admin", "GET", "/audit", params={"entry_id": entry_id}).json()["audit"]
    assert {key: value for key, value in row.items() if key != "id"} == old


def test_the_store_writes_the_seed_count_and_refuses_unknown_codes(redis_url):
    """The store on its own (a database of its own on the same Redis)."""
    import redis.asyncio as aioredis

    async def run() -> tuple[list[dict], list[dict], list[str]]:
        client = aioredis.Redis.from_url(redis_url.rsplit("/", 1)[0] + "/3", decode_responses=True)
        try:
            await client.flushdb()
            store = ContentStore(client)
            entries = [Entry.model_validate(skatt_entry(f"seeded-{n}")) for n in range(3)]
            assert await store.seed(entries) == 3
            await store.audit("admin", "attach_question", "seeded-0", "g123", group_id="g123")
            await store.audit("admin", "dismiss_question", detail="g456", group_id="g456")
            await store.audit("kari", "login_throttled", detail="429")
            refused = []
            for code, fields in (("explode", {}), ("seed", {"colour": "red"})):
                try:
                    await store.audit("admin", code, **fields)
                except ValueError:
                    refused.append(code)
            return await store.audit_log(), await store.versions("seeded-1"), refused
        finally:
            await client.flushdb()
            await client.aclose()

    audit, versions, refused = asyncio.run(run())
    assert refused == ["explode", "seed"]
    throttled, dismissed, attached, seeded = audit
    assert (seeded["code"], seeded["count"], seeded["action"], seeded["detail"], seeded["entry_id"]) == ("seed", 3, "seed", "3 entries", "")
    assert (attached["code"], attached["group_id"], attached["entry_id"], attached["detail"]) == ("attach_question", "g123", "seeded-0", "g123")
    assert (dismissed["code"], dismissed["group_id"], dismissed["detail"]) == ("dismiss_question", "g456", "g456")
    assert (throttled["code"], throttled["action"], throttled["detail"]) == ("login_throttled", "login_throttled", "429")
    assert [(v["code"], v["action"], v["version"]) for v in versions] == [("seed", "seed", 1)]
    assert set(AUDIT_CODES) >= {row["code"] for row in audit}
