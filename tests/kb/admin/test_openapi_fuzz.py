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
