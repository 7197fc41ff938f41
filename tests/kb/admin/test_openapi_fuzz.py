"""schemathesis against /openapi.json: generated requests to every operation, authenticated as an
admin, never get a 500."""

from __future__ import annotations

import re
import subprocess

import httpx

from support.processes import stack


def test_the_openapi_document_lists_the_contract(replicas):
    document = httpx.get(f"{replicas[0]}/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/healthz", "/v1/search", "/v1/entries/{entry_id}", "/v1/admin/entries"} <= set(document["paths"])
    parameters = {p["name"] for p in document["paths"]["/v1/search"]["get"]["parameters"]}
    # q and k are the contract; context (the last question, for follow-ups) extends it.
    assert parameters == {"q", "k", "context"}


def test_generated_requests_never_cause_a_server_error(replicas, admin_client):
    token = admin_client.tokens["admin"]
    result = subprocess.run(
        [str(stack.SERVICE_VENV / "bin" / "schemathesis"), "run", f"{replicas[0]}/openapi.json",
         "--checks", "not_a_server_error", "--max-examples", "25", "--workers", "1",
         "--header", f"Authorization: Bearer {token}", "--phases", "examples,coverage,fuzzing",
         "--exclude-path", "/v1/admin/logout", "--seed", "7"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    passed = re.search(r"generated, (\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 100, result.stdout[-2000:]  # it really ran


def test_the_shared_bad_inputs_never_cause_a_server_error_on_any_operation(replicas, admin_client):
    """Beside schemathesis's own payloads: the inputs that once broke an endpoint
    (tests/data/bad_input.yml) against every operation of the OpenAPI document that takes a body,
    and unstorable text and ids in every path and query parameter."""
    from urllib.parse import quote

    from support.bad_input import id_suffixes, unreadable_bodies, unstorable_texts

    document = httpx.get(f"{replicas[0]}/openapi.json").json()
    headers = {"Authorization": f"Bearer {admin_client.tokens['admin']}", "Content-Type": "application/json"}
    texts = [*unstorable_texts().values(), *("fixture-skattekort" + s for s in id_suffixes().values())]
    checked = 0
    with httpx.Client(base_url=replicas[0], timeout=30) as http:
        for path, operations in document["paths"].items():
            if path.endswith("/logout"):
                continue
            for method, operation in operations.items():
                concrete = re.sub(r"\{[^}]+\}", "fixture-skattekort", path)
                if method in ("post", "put", "patch"):
                    for raw in unreadable_bodies().values():
                        response = http.request(method.upper(), concrete, content=raw, headers=headers)
                        assert response.status_code < 500, (method, path, response.text[:200])
                        checked += 1
                for text in texts:
                    encoded = quote(text.encode("utf-8", "surrogatepass"), safe="")
                    with_text = re.sub(r"\{[^}]+\}", encoded, path)
                    names = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
                    query = "&".join(f"{name}={encoded}" for name in names)
                    response = http.request(method.upper(), with_text + (f"?{query}" if query else ""), headers=headers)
                    assert response.status_code < 500, (method, path, text.encode("utf-8", "surrogatepass"), response.text[:200])
                    checked += 1
    assert checked > 50
