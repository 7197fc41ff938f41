"""A knowledge-base replica killed (SIGKILL, no shutdown) right after an edit and a publish loses
neither: both live in Redis, and a replica started afterwards serves them."""

from __future__ import annotations

import httpx

from support.kb_admin import PASSWORD, skatt_entry
from support.processes import start_kb


def login(base: str, username: str) -> dict:
    response = httpx.post(f"{base}/v1/admin/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_edits_and_publishes_survive_a_killed_replica(tmp_path, redis_url, accounts):
    published_answer = "Etter krasjen: dette svaret ble publisert rett før."
    draft_answer = "Etter krasjen: dette er et utkast som ikke er publisert."
    process, base = start_kb(tmp_path, extra_env={"REDIS_URL": redis_url})
    try:
        editor, reviewer = login(base, "skatt-editor"), login(base, "skatt-reviewer")
        admin = f"{base}/v1/admin/entries"
        assert httpx.post(admin, headers=editor, json=skatt_entry("kill-published", published_answer)).status_code == 201
        assert httpx.post(f"{admin}/kill-published/submit", headers=editor).status_code == 200
        assert httpx.post(f"{admin}/kill-published/publish", headers=reviewer).status_code == 200
        assert httpx.post(admin, headers=editor, json=skatt_entry("kill-draft", "Første utkast.")).status_code == 201
        assert httpx.put(f"{admin}/kill-draft", headers=editor, json=skatt_entry("kill-draft", draft_answer)).status_code == 200
    finally:
        process.kill()

    process, base = start_kb(tmp_path, extra_env={"REDIS_URL": redis_url})
    try:
        assert httpx.get(f"{base}/v1/entries/kill-published").json()["answer"] == published_answer
        draft = httpx.get(f"{base}/v1/admin/entries/kill-draft", headers=login(base, "skatt-editor")).json()
        assert draft["working"]["answer"] == draft_answer and draft["state"]["status"] == "draft"
        assert httpx.get(f"{base}/v1/entries/kill-draft").status_code == 404  # a draft is never live
    finally:
        process.stop()
