"""The vendored third-party scripts of the staff pages (common/staff/vendor/) are the files their
record pins: each one's sha256 is the one VENDORED.json holds, written by scripts/vendor_lit.py
after it checked the npm tarballs against the registry (no network here)."""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.util
import json
import re
from pathlib import Path

from common import staff

ROOT = Path(__file__).resolve().parents[2]
RECORD = staff.VENDOR_DIR / "VENDORED.json"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
SHA512 = re.compile(r"^sha512-[A-Za-z0-9+/]{86}==$")


def record() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))


def test_the_vendored_file_is_the_one_the_record_pins():
    pinned = record()
    path = ROOT / pinned["file"]
    assert path.parent == staff.VENDOR_DIR and path.name in staff.VENDORED
    assert hashlib.sha256(path.read_bytes()).hexdigest() == pinned["sha256"]


def test_the_record_pins_exact_versions_and_registry_integrities():
    pinned = record()
    assert pinned["package"] == "lit" and SEMVER.match(pinned["version"])
    assert pinned["version"].startswith("3.")
    assert SHA512.match(pinned["integrity"])
    for name, dependency in pinned["dependencies"].items():
        assert SEMVER.match(dependency["version"]), name
        assert SHA512.match(dependency["integrity"]), name
    assert SEMVER.match(pinned["bundler"]["version"])


def test_every_vendored_file_has_a_record_and_nothing_else_lies_there():
    on_disk = {path.name for path in staff.VENDOR_DIR.iterdir() if path.name != "__pycache__"}
    assert on_disk == {*staff.VENDORED, RECORD.name}
    assert {Path(record()["file"]).name} == set(staff.VENDORED)


def test_the_bundle_is_one_es_module_with_what_the_console_imports_and_no_raw_html_directive():
    code = (ROOT / record()["file"]).read_text(encoding="utf-8")
    # One file: it imports nothing (a bare import would need an import map).
    assert not re.search(r"\bimport\s*[{*\"']|\bimport\(", code)
    exported = re.search(r"export\{([^}]*)\}", code)
    assert exported, "the bundle exports nothing"
    names = {part.split(" as ")[-1].strip() for part in exported.group(1).split(",")}
    assert {"html", "render", "repeat", "nothing"} <= names
    assert not {name for name in names if name.lower().startswith("unsafehtml")}
    assert "eval(" not in code and "new Function" not in code


def test_the_vendor_script_writes_what_the_record_says():
    spec = importlib.util.spec_from_file_location("vendor_lit", ROOT / record()["script"])
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)   # defines only; it runs npm only from main()
    pinned = record()
    assert script.RECORD == RECORD and script.VENDOR_DIR == staff.VENDOR_DIR
    assert (script.VENDOR_DIR / script.BUNDLE_NAME) == ROOT / pinned["file"]
    assert pinned["bundler"] == {"package": "esbuild", "version": script.ESBUILD_VERSION, "args": list(script.ESBUILD_ARGS)}
    assert pinned["entry"] == script.ENTRY and set(pinned["dependencies"]) == set(script.LIT_DEPENDENCIES)


def test_the_images_get_the_vendored_file():
    """Every image copies common/ whole (tests/static/test_images.py); nothing in .dockerignore
    may leave the vendored file out of the build context."""
    path = record()["file"]
    prefixes = ["/".join(path.split("/")[: i + 1]) for i in range(path.count("/") + 1)]
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for pattern in patterns:
        for candidate in {pattern, pattern.removeprefix("**/")}:
            assert not any(fnmatch.fnmatchcase(prefix, candidate) for prefix in prefixes), pattern
