"""The admin pages word every error the service can send: each reason and kind the code raises,
and each field code an invalid entry or CSV row can carry, has a Norwegian text in the page's texts
module (admin-texts.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.content import validate_entry
from knowledge_base.kb_service.errors import EntryInvalidError
from knowledge_base.kb_service.services import load_services

SERVICE = Path(__file__).resolve().parents[2] / "knowledge_base" / "kb_service"
ADMIN_TEXTS = SERVICE / "static" / "admin-texts.js"


def page_texts() -> set[str]:
    """The keys of admin-texts.js's TEXTS table."""
    script = ADMIN_TEXTS.read_text(encoding="utf-8")
    table = re.search(r"^const TEXTS = \{\n(.*?)^\};", script, re.S | re.M)
    assert table, "admin-texts.js has no TEXTS table"
    return set(re.findall(r"^  (\w+):", table.group(1), re.M))


def raised_codes() -> set[str]:
    """Every reason, kind and field code written in the service's code."""
    codes = set()
    for path in SERVICE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'\breason="(\w+)"', source))
        codes |= set(re.findall(r'^    code = "(\w+)"', source, re.M))
        codes |= set(re.findall(r'PydanticCustomError\("(\w+)"', source))
        codes |= set(re.findall(r'FieldProblem\(\s*"[^"]*",\s*"(\w+)"', source))
        codes |= set(re.findall(r'"code": "(\w+)"', source))
    return codes


def test_every_reason_and_code_in_the_service_has_a_text():
    codes = raised_codes()
    # The grep finds what it should: a few of each kind.
    assert {"role_cannot", "entry_exists", "forbidden", "phrasing_blank", "wrong_directorate", "not_json_list"} <= codes
    assert codes - page_texts() == set()


@pytest.fixture(scope="module")
def services():
    return load_services(*KBConfig().catalogue_files)


GOOD = {
    "id": "skatt-test", "service": "skatteetaten", "directorate": "skatteetaten", "topic": "skattekort",
    "title": "Skattekort", "question": "Hvordan?", "phrasings": ["a", "b", "c", "d", "e", "f"],
    "answer": "Svar.", "checked": "verified", "updated": "2026-11-27",
}
# Each breaks one rule of the entry schema (pydantic's error types) or of the catalogue.
BAD = [
    {"id": None}, {"id": "Ikke En Slug"}, {"id": "x" * 81}, {"title": ""}, {"title": "x" * 121},
    {"answer": "x" * 501}, {"phrasings": ["a"]}, {"phrasings": ["a", "b", "c", "d", "e", " "]}, {"phrasings": "abc"},
    {"checked": "maybe"}, {"checked": "dated"}, {"updated": "i går"}, {"updated": "2026-11-27T10:00:00"}, {"updated": None},
    {"links": [{"title": "", "url": "http://x"}]}, {"links": [{"title": "a"}]}, {"links": [5]}, {"extra": 1},
    {"service": "finnes-ikke"}, {"directorate": "nav"},
]


def invalid_entries() -> list[object]:
    without_topic = {key: value for key, value in GOOD.items() if key != "topic"}
    return [{**GOOD, **change} for change in BAD] + [without_topic, []]


def test_every_field_code_an_invalid_entry_gets_has_a_text(services):
    codes = set()
    for raw in invalid_entries():
        with pytest.raises(EntryInvalidError) as refused:
            validate_entry(raw, services)
        codes |= {problem["code"] for problem in refused.value.fields}
    assert {"missing", "string_too_long", "too_short", "checked_disagrees", "not_an_object"} <= codes
    assert codes - page_texts() == set()


def js_table_keys(name: str) -> set[str]:
    """The keys of one table (`const NAME = {...};`) in admin-texts.js."""
    script = ADMIN_TEXTS.read_text(encoding="utf-8")
    table = re.search(rf"^const {name} = \{{\n?(.*?)\n?\}};", script, re.S | re.M)
    assert table, f"admin-texts.js has no {name} table"
    return set(re.findall(r"(?:^|[{,])\s*(\w+):", table.group(1), re.M))


def test_every_audit_code_the_store_writes_has_a_name_and_a_detail_on_the_page():
    from knowledge_base.kb_service.store import AUDIT_CODES

    assert {"seed", "revert", "add_user", "login_throttled"} <= set(AUDIT_CODES)
    assert set(AUDIT_CODES) <= js_table_keys("ACTION_NAMES")
    assert set(AUDIT_CODES) <= js_table_keys("AUDIT_DETAILS")
