"""The content-owner API against two real replicas and a real Redis: seeding, the workflow,
versions, diff and revert, validation, the audit log, the permission matrix, and a publish that
is searchable on the other replica in under a second."""

from __future__ import annotations

import itertools
import time

import httpx
import pytest

from support.kb_admin import skatt_entry

_ids = itertools.count()


def new_entry_in(admin_client, status: str) -> str:
    """A fresh Skatteetaten entry in `status`, authored by skatt-editor."""
    entry_id = f"matrix-{next(_ids)}"
    assert admin_client.call("skatt-editor", "POST", "/entries", json=skatt_entry(entry_id)).status_code == 201
    steps = {"draft": [], "in_review": ["submit"], "published": ["submit", "publish"]}[status]
    for step in steps:
        user = "skatt-reviewer" if step == "publish" else "skatt-editor"
        assert admin_client.call(user, "POST", f"/entries/{entry_id}/{step}").status_code == 200
    return entry_id


def test_the_empty_store_was_seeded_from_the_yaml_content(admin_client):
    entries = admin_client.call("admin", "GET", "/entries", params={"status": "published"}).json()["entries"]
    assert {"fixture-skattekort", "fixture-borteboer", "fixture-moped"} <= {e["id"] for e in entries}


def test_without_a_token_or_with_a_bad_one_every_call_is_401(admin_client):
    for method, path in (("GET", "/me"), ("GET", "/entries"), ("POST", "/entries"), ("GET", "/audit")):
        assert admin_client.call(None, method, path).status_code == 401
    response = admin_client.http.get("/entries", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    response = admin_client.http.post("/login", json={"username": "admin", "password": "wrong-password"})
    assert response.status_code == 401


# action -> (the state the entry must be in first, method, path suffix, body)
ACTIONS = {
    "read": ("published", "GET", "", None),
    "edit": ("published", "PUT", "", "entry"),
    "submit": ("draft", "POST", "/submit", None),
    "reject": ("in_review", "POST", "/reject", None),
    "publish": ("in_review", "POST", "/publish", None),
    "archive": ("published", "POST", "/archive", None),
    "revert": ("published", "POST", "/revert", {"version": 1}),
}
ALLOWED = {
    "admin": {"read", "edit", "submit", "reject", "publish", "archive", "revert"},
    "skatt-editor": {"read", "edit", "submit", "revert"},
    "skatt-reviewer": {"read", "reject", "publish", "archive"},
    "nav-editor": set(),  # another directorate's entry
    "nav-reviewer": set(),
}


@pytest.mark.parametrize("user", sorted(ALLOWED))
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(admin_client, user, action):
    state, method, suffix, body = ACTIONS[action]
    entry_id = new_entry_in(admin_client, state)
    if action != "read" and "read" in ALLOWED[user]:
        # The entry says which buttons to show: exactly what the server then allows.
        allowed = admin_client.call(user, "GET", f"/entries/{entry_id}").json()["state"]["allowed_actions"]
        assert (action in allowed) == (action in ALLOWED[user]), allowed
    json_body = skatt_entry(entry_id, "Endret svar.") if body == "entry" else body
    response = admin_client.call(user, method, f"/entries/{entry_id}{suffix}", json=json_body)
    if action in ALLOWED[user]:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 403, response.text


def test_only_an_admin_manages_users(admin_client):
    assert admin_client.call("skatt-editor", "GET", "/users").status_code == 403
    assert admin_client.call("admin", "GET", "/users").status_code == 200
    bad = admin_client.call("admin", "POST", "/users", json={"username": "x", "password": "short", "role": "editor", "directorates": ["nav"]})
    assert bad.status_code == 400
    assert bad.json()["error"]["reason"] == "weak_credentials" and bad.json()["error"]["params"] == {"field": "username"}
    short = admin_client.call("admin", "POST", "/users", json={"username": "ny-bruker", "password": "short", "role": "editor", "directorates": ["nav"]})
    assert short.json()["error"]["params"] == {"field": "password", "min_chars": 10}
    added = admin_client.call("admin", "POST", "/users", json={"username": "ny-redaktor", "password": "et-langt-passord", "role": "editor", "directorates": ["nav"]})
    assert added.status_code == 201 and added.json()["user"]["directorates"] == ["nav"]


def test_an_editor_cannot_create_in_another_directorate_or_move_an_entry_there(admin_client):
    assert admin_client.call("nav-editor", "POST", "/entries", json=skatt_entry("nav-tries-skatt")).status_code == 403
    entry_id = new_entry_in(admin_client, "draft")
    moved = {**skatt_entry(entry_id), "service": "nav", "directorate": "nav"}
    assert admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json=moved).status_code == 403


def test_the_author_cannot_publish_their_own_change(admin_client):
    entry_id = new_entry_in(admin_client, "draft")
    admin_client.call("admin", "PUT", f"/entries/{entry_id}", json=skatt_entry(entry_id, "Admin skrev dette."))
    admin_client.call("admin", "POST", f"/entries/{entry_id}/submit")
    response = admin_client.call("admin", "POST", f"/entries/{entry_id}/publish")
    assert response.status_code == 403 and "other than the author" in response.json()["error"]["message"]
    assert response.json()["error"]["reason"] == "author_cannot_publish"
    assert "publish" not in admin_client.call("admin", "GET", f"/entries/{entry_id}").json()["state"]["allowed_actions"]
    assert admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/publish").status_code == 200


def test_workflow_conflicts_are_409(admin_client):
    entry_id = new_entry_in(admin_client, "draft")
    response = admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/publish")
    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["reason"], error["params"]) == ("conflict", "status_forbids", {"action": "publish", "status": "draft"})
    response = admin_client.call("admin", "POST", "/entries", json=skatt_entry(entry_id))
    assert response.status_code == 409 and response.json()["error"]["reason"] == "entry_exists"


def test_a_refusal_says_why_as_a_reason_with_its_details(admin_client):
    entry_id = new_entry_in(admin_client, "published")
    error = admin_client.call("skatt-reviewer", "PUT", f"/entries/{entry_id}", json=skatt_entry(entry_id)).json()["error"]
    assert (error["code"], error["reason"], error["params"]) == ("forbidden", "role_cannot", {"role": "reviewer", "action": "edit"})
    error = admin_client.call("nav-editor", "GET", f"/entries/{entry_id}").json()["error"]
    assert (error["reason"], error["params"]) == ("directorate_not_covered", {"directorate": "skatteetaten"})
    error = admin_client.http.post("/login", json={"username": "admin", "password": "wrong-password"}).json()["error"]
    assert (error["code"], error["reason"]) == ("unauthorized", "wrong_credentials")


def test_an_invalid_entry_is_422_naming_each_field(admin_client):
    entry_id = new_entry_in(admin_client, "draft")
    bad = {**skatt_entry(entry_id, "x" * 600), "phrasings": ["bare en"]}
    response = admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json=bad)
    assert response.status_code == 422
    fields = {f["field"]: f for f in response.json()["error"]["fields"]}
    assert {"answer", "phrasings"} <= set(fields)
    # each field says which rule it broke, with the rule's numbers, for the page's own text
    assert fields["answer"]["code"] == "string_too_long" and fields["answer"]["params"]["max_length"] < 600
    assert (fields["phrasings"]["code"], fields["phrasings"]["params"]["min_length"]) == ("too_short", 6)
    wrong_owner = {**skatt_entry(entry_id), "directorate": "nav"}
    response = admin_client.call("admin", "PUT", f"/entries/{entry_id}", json=wrong_owner)
    field = response.json()["error"]["fields"][0]
    assert response.status_code == 422 and field["field"] == "directorate"
    assert (field["code"], field["params"]["owner"]) == ("wrong_directorate", "skatteetaten")
    for raw in (b"{not json", b"[1]", b"\xff\xfe"):
        response = admin_client.http.put(f"/entries/{entry_id}", content=raw, headers={"Authorization": f"Bearer {admin_client.tokens['admin']}"})
        assert response.status_code == 400
    assert admin_client.call("admin", "GET", "/entries/no-such-entry").status_code == 404


def test_a_published_change_is_searchable_on_the_other_replica(admin_client, replicas):
    """Measures publish-to-searchable on the second replica and prints it (the figure: under a
    second on this machine when it is otherwise idle). It asserts only that the change arrives,
    since a timing assertion would fail whenever the machine is busy."""
    entry_id = "fixture-skattekort"
    new_answer = "Nytt svar: bestill skattekortet ditt hos Skatteetaten i god tid."
    assert admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json={
        **httpx.get(f"{replicas[0]}/v1/admin/entries/{entry_id}", headers={"Authorization": f"Bearer {admin_client.tokens['admin']}"}).json()["published"],
        "answer": new_answer,
    }).status_code == 200
    # A draft is not live.
    assert httpx.get(f"{replicas[1]}/v1/entries/{entry_id}").json()["answer"] != new_answer
    assert admin_client.call("skatt-editor", "POST", f"/entries/{entry_id}/submit").status_code == 200
    started = time.monotonic()
    assert admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/publish").status_code == 200
    published = time.monotonic() - started
    while httpx.get(f"{replicas[1]}/v1/entries/{entry_id}").json()["answer"] != new_answer:
        time.sleep(0.01)
        assert time.monotonic() - started < 15.0, "never live on the second replica"
    elapsed = time.monotonic() - started
    print(f"\npublish answered in {published * 1000:.0f} ms; searchable on the other replica after {elapsed * 1000:.0f} ms")
    hits = httpx.get(f"{replicas[1]}/v1/search", params={"q": "hvordan får jeg skattekort", "k": 1}).json()["results"]
    assert hits[0]["entry_id"] == entry_id and hits[0]["answer"] == new_answer


def test_versions_diff_and_revert(admin_client):
    entry_id = new_entry_in(admin_client, "published")
    admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json=skatt_entry(entry_id, "Andre svar."))
    versions = admin_client.call("skatt-editor", "GET", f"/entries/{entry_id}/versions").json()["versions"]
    assert [v["action"] for v in versions] == ["create", "submit", "publish", "edit"]
    assert all(v["who"] and v["when"] for v in versions)
    diff = admin_client.call("skatt-editor", "GET", f"/entries/{entry_id}/diff").json()["diff"]
    assert "-answer: Bestill skattekort på skatteetaten.no." in diff and "+answer: Andre svar." in diff
    reverted = admin_client.call("skatt-editor", "POST", f"/entries/{entry_id}/revert", json={"version": 1})
    assert reverted.status_code == 200 and reverted.json()["state"]["status"] == "draft"
    working = admin_client.call("skatt-editor", "GET", f"/entries/{entry_id}").json()["working"]
    assert working["answer"] == "Bestill skattekort på skatteetaten.no."


def test_archiving_takes_an_entry_out_of_search(admin_client, replicas):
    entry_id = new_entry_in(admin_client, "published")
    assert httpx.get(f"{replicas[1]}/v1/entries/{entry_id}").status_code == 200
    assert admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/archive").status_code == 200
    deadline = time.monotonic() + 2
    while httpx.get(f"{replicas[1]}/v1/entries/{entry_id}").status_code != 404:
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_the_audit_log_records_every_action_and_is_scoped(admin_client):
    entry_id = new_entry_in(admin_client, "published")
    rows = admin_client.call("admin", "GET", "/audit", params={"entry_id": entry_id}).json()["audit"]
    assert [(r["who"], r["action"]) for r in reversed(rows)] == [
        ("skatt-editor", "create"), ("skatt-editor", "submit"), ("skatt-reviewer", "publish"),
    ]
    assert admin_client.call("nav-editor", "GET", "/audit", params={"entry_id": entry_id}).json()["audit"] == []


def test_me_lists_the_user_and_the_catalogue(admin_client):
    me = admin_client.call("skatt-editor", "GET", "/me").json()
    assert me["user"] == {
        "username": "skatt-editor", "role": "editor", "directorates": ["skatteetaten"],
        "role_actions": ["create", "edit", "revert", "submit"],
    }
    assert "nav" in me["directorates"] and any(s["id"] == "skatteetaten" and s["checked"] for s in me["services"])


def test_the_entry_list_is_scoped_and_filtered(admin_client):
    own = admin_client.call("skatt-editor", "GET", "/entries").json()["entries"]
    assert own and all(e["directorate"] == "skatteetaten" for e in own)
    drafts = admin_client.call("admin", "GET", "/entries", params={"status": "draft"}).json()["entries"]
    assert all(e["status"] == "draft" for e in drafts)


def test_bad_actions_and_parameters(admin_client):
    entry_id = new_entry_in(admin_client, "published")
    assert admin_client.call("admin", "POST", f"/entries/{entry_id}/explode").status_code == 404
    assert admin_client.call("admin", "GET", f"/entries/{entry_id}/diff", params={"from": "x"}).status_code == 400
    assert admin_client.call("admin", "GET", f"/entries/{entry_id}/diff", params={"from": "1", "to": "99"}).status_code == 400
    admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json=skatt_entry(entry_id, "Nytt."))
    assert admin_client.call("skatt-editor", "POST", f"/entries/{entry_id}/revert", json={"version": 42}).status_code == 400
    assert admin_client.call("skatt-editor", "PUT", f"/entries/{entry_id}", json={**skatt_entry("other-id")}).status_code == 400
    response = admin_client.call("skatt-editor", "POST", "/import.csv", content=b"\xff\xfe\x00", headers={"Content-Type": "text/csv"})
    assert response.status_code == 400
    response = admin_client.call("skatt-editor", "POST", "/import.csv", content=b"just,some\n1,2\n", headers={"Content-Type": "text/csv"})
    assert response.status_code == 400 and "columns" in response.json()["error"]["message"]


def test_logout_ends_the_token(replicas):
    from support.kb_admin import PASSWORD

    login = httpx.post(f"{replicas[0]}/v1/admin/login", json={"username": "nav-editor", "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {login['token']}"}
    assert httpx.get(f"{replicas[0]}/v1/admin/me", headers=headers).status_code == 200
    assert httpx.post(f"{replicas[0]}/v1/admin/logout", headers=headers).status_code == 200
    assert httpx.get(f"{replicas[0]}/v1/admin/me", headers=headers).status_code == 401


def test_an_unreadable_body_is_400_malformed_json_on_login_and_edits(replicas, admin_client):
    from support.bad_input import unreadable_bodies

    for name, raw in unreadable_bodies().items():
        response = httpx.post(f"{replicas[0]}/v1/admin/login", content=raw, headers={"Content-Type": "application/json"})
        assert (response.status_code, response.json()["error"]["code"]) == (400, "malformed_json"), name
        response = admin_client.call("admin", "POST", "/entries", content=raw, headers={"Content-Type": "application/json"})
        assert (response.status_code, response.json()["error"]["code"]) == (400, "malformed_json"), name


def test_a_lone_surrogate_in_a_login_is_repaired_not_a_500(replicas):
    response = httpx.post(
        f"{replicas[0]}/v1/admin/login", content=b'{"username": "nav-editor\\ud83d", "password": "x\\u0000"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 401


def test_whoever_reverts_is_the_author_and_cannot_publish_it(admin_client):
    entry_id = new_entry_in(admin_client, "published")
    reverted = admin_client.call("admin", "POST", f"/entries/{entry_id}/revert", json={"version": 1})
    assert reverted.status_code == 200 and reverted.json()["state"]["author"] == "admin"
    assert admin_client.call("admin", "POST", f"/entries/{entry_id}/submit").status_code == 200
    assert admin_client.call("admin", "POST", f"/entries/{entry_id}/publish").status_code == 403
    assert admin_client.call("skatt-reviewer", "POST", f"/entries/{entry_id}/publish").status_code == 200


def test_admin_responses_and_the_login_token_are_never_cached(replicas, admin_client):
    from support.kb_admin import PASSWORD

    login = httpx.post(f"{replicas[0]}/v1/admin/login", json={"username": "nav-editor", "password": PASSWORD})
    assert login.status_code == 200 and login.headers["cache-control"] == "no-store"
    for path in ("/me", "/entries", "/no-such-thing"):
        assert admin_client.call("admin", "GET", path).headers["cache-control"] == "no-store", path
    assert "no-store" not in httpx.get(f"{replicas[0]}/healthz").headers.get("cache-control", "")


def test_failed_logins_are_throttled_and_audited_across_replicas(replicas, admin_client):
    from support.kb_admin import PASSWORD

    # A username of its own: other tests in this session log in as the shared accounts.
    username = "throttle-probe"
    # Failures on both replicas count together (the count lives in Redis).
    for attempt in range(5):
        response = httpx.post(f"{replicas[attempt % 2]}/v1/admin/login", json={"username": username, "password": "feil"})
        assert response.status_code == 401
    refused = httpx.post(f"{replicas[0]}/v1/admin/login", json={"username": username, "password": PASSWORD})
    assert (refused.status_code, refused.json()["error"]["code"]) == (429, "too_many_requests")
    assert 1 <= int(refused.headers["Retry-After"]) <= 15 * 60
    audit = admin_client.call("admin", "GET", "/audit").json()
    rows = audit.get("audit") or audit.get("entries") or audit.get("rows") or []
    assert any(row["who"] == username and row["action"] == "login_throttled" for row in rows)
    # Other users from the same address may still log in (the address allows more failures).
    assert httpx.post(f"{replicas[1]}/v1/admin/login", json={"username": "nav-editor", "password": PASSWORD}).status_code == 200
