"""Import and export of entries: out of the store to YAML files (one per service, the shape of
knowledge_base/content/) and CSV (one row per entry, for spreadsheets), and back in from CSV
(rows become drafts)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import yaml

from .content import Entry, validate_entry
from .errors import EntryInvalidError, InvalidRequestError
from .services import Service

CSV_FIELDS = (
    "id", "service", "directorate", "topic", "title", "title_nn", "title_en", "question", "phrasings",
    "answer", "answer_nn", "answer_en", "links", "contact", "checked", "updated",
)
PHRASING_SEPARATOR = " | "
MAX_CSV_BYTES = 5 * 1024 * 1024


def entry_dict(entry: Entry) -> dict:
    return entry.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def write_yaml(entries: list[Entry], directory: Path) -> list[Path]:
    """One file per service, sorted, so an export diffs cleanly against the seed content."""
    directory.mkdir(parents=True, exist_ok=True)
    by_service: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.id):
        by_service[entry.service].append(entry)
    written = []
    for service, group in sorted(by_service.items()):
        path = directory / f"{service}.yml"
        data = {"entries": [{k: v for k, v in entry_dict(e).items() if v not in ((), [])} for e in group]}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        written.append(path)
    return written


def to_csv(entries: list[Entry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for entry in sorted(entries, key=lambda e: e.id):
        row = entry_dict(entry)
        row["phrasings"] = PHRASING_SEPARATOR.join(entry.phrasings)
        row["links"] = json.dumps(row.get("links") or [], ensure_ascii=False)
        writer.writerow({k: row.get(k, "") if row.get(k) is not None else "" for k in CSV_FIELDS})
    return out.getvalue()


def from_csv(text: str, services: dict[str, Service]) -> list[Entry]:
    """Entries from CSV; any bad row is a 422 naming the row and the field."""
    if len(text.encode("utf-8")) > MAX_CSV_BYTES:
        raise InvalidRequestError(f"The CSV is over {MAX_CSV_BYTES} bytes.", reason="csv_too_large", params={"max_bytes": MAX_CSV_BYTES})
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in ("id", "service", "directorate", "topic", "title", "question", "phrasings", "answer", "checked", "updated") if f not in (reader.fieldnames or [])]
    if missing:
        raise InvalidRequestError(
            f"The CSV lacks the columns {', '.join(missing)}.", reason="csv_missing_columns", params={"columns": missing},
        )
    entries, problems = [], []
    for number, row in enumerate(reader, start=2):
        raw = {k: v for k, v in row.items() if k in CSV_FIELDS and v not in (None, "")}
        raw["phrasings"] = [p.strip() for p in (row.get("phrasings") or "").split("|") if p.strip()]
        try:
            raw["links"] = json.loads(row.get("links") or "[]")
        except ValueError:
            problems.append({
                "field": f"row {number}: links", "row": number, "column": "links", "code": "not_json_list",
                "params": {}, "message": "must be a JSON list",
            })
            continue
        try:
            entries.append(validate_entry(raw, services))
        except EntryInvalidError as exc:
            problems += [{**f, "field": f"row {number}: {f['field']}", "row": number, "column": f["field"]} for f in exc.fields]
    if problems:
        raise EntryInvalidError("Some rows are not valid entries.", problems)
    return entries
