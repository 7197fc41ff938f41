"""The store back to files: `make kb-export` (YAML, one file per service, and CSV) round-trips,
and CSV import turns rows into drafts."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import redis.asyncio as aioredis

from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.content import load_entries
from knowledge_base.kb_service.services import load_services
from knowledge_base.kb_service.store import ContentStore, entry_json
from knowledge_base.kb_service.import_export import from_csv, to_csv
from support.processes import ROOT, stack

SERVICES = load_services(*KBConfig().catalogue_files)


def published(redis_url: str):
    async def read():
        client = aioredis.Redis.from_url(redis_url, decode_responses=True)
        try:
            return await ContentStore(client).published()
        finally:
            await client.aclose()

    return asyncio.run(read())


def test_kb_export_writes_yaml_that_loads_back_to_the_same_entries(replicas, redis_url, tmp_path: Path):
    out = tmp_path / "export"
    result = subprocess.run(
        [str(stack.SERVICE_VENV / "bin" / "python"), "-m", "knowledge_base.kb_service.admin_cli", "export",
         "--out", str(out), "--csv", str(tmp_path / "entries.csv")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "REDIS_URL": redis_url}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    in_store = {e.id: entry_json(e) for e in published(redis_url)}
    from_files = {e.id: entry_json(e) for e in load_entries(out, SERVICES)}
    assert from_files == in_store
    from_spreadsheet = {e.id: entry_json(e) for e in from_csv((tmp_path / "entries.csv").read_text(encoding="utf-8"), SERVICES)}
    assert from_spreadsheet == in_store


def test_csv_round_trip_in_memory():
    entries = load_entries(ROOT / "knowledge_base" / "content", SERVICES)
    again = from_csv(to_csv(entries), SERVICES)
    assert [entry_json(e) for e in again] == [entry_json(e) for e in sorted(entries, key=lambda e: e.id)]


def test_csv_import_makes_drafts_and_bad_rows_are_named(admin_client):
    export = admin_client.call("skatt-editor", "GET", "/export.csv")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = export.text.splitlines()
    assert rows[0].startswith("id,service,directorate")
    assert all(",skatteetaten," in row for row in rows[1:] if row.startswith("fixture-") or row.startswith("matrix-"))
    changed = export.text.replace("skatteetaten.no", "www.skatteetaten.no", 1)
    imported = admin_client.call("skatt-editor", "POST", "/import.csv", content=changed.encode(), headers={"Content-Type": "text/csv"})
    assert imported.status_code == 200 and imported.json()["imported"] == len(rows) - 1
    broken = rows[0] + "\n" + "nytt-innlegg,skatteetaten,skatteetaten,t,T,,,Q?,a | b,svar,,,[],,verified,2026-11-27\n"
    response = admin_client.call("skatt-editor", "POST", "/import.csv", content=broken.encode(), headers={"Content-Type": "text/csv"})
    assert response.status_code == 422
    assert any(f["field"].startswith("row 2: phrasings") for f in response.json()["error"]["fields"])
    other = admin_client.call("nav-editor", "POST", "/import.csv", content=changed.encode(), headers={"Content-Type": "text/csv"})
    assert other.status_code == 403
