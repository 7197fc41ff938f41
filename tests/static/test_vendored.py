"""The vendored third-party scripts of the staff pages (common/staff/vendor/) are the files their
record pins: each one's sha256 is the one VENDORED.json holds, written by scripts/vendor_lit.py
after it checked the npm tarballs against the registry (no network here; `python
scripts/vendor_lit.py --check` rebuilds the bundle from the package and compares)."""

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


def vendor_script():
    spec = importlib.util.spec_from_file_location("vendor_lit", ROOT / record()["script"])
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)   # defines only; it runs npm only from main()
    return script


def test_the_bundle_carries_the_versions_the_record_pins():
    """Each lit package in the bundle announces its own version; they are the recorded ones."""
    code = (ROOT / record()["file"]).read_text(encoding="utf-8")
    announced = dict(re.findall(r"\.(\w+Versions)\?\?=\[\]\)\.push\(\"([^\"]+)\"\)", code))
    pinned = record()["dependencies"]
    assert announced == {
        "litHtmlVersions": pinned["lit-html"]["version"],
        "litElementVersions": pinned["lit-element"]["version"],
        "reactiveElementVersions": pinned["@lit/reactive-element"]["version"],
    }


def test_the_vendor_script_checks_the_file_against_a_rebuild_without_writing(monkeypatch):
    """`--check` compares a fresh build (npm, stood in for here) with the vendored file and the
    record, and leaves both alone."""
    script = vendor_script()
    assert script.parser().parse_args(["--check"]).check
    pinned = record()
    vendored = (ROOT / pinned["file"]).read_bytes()
    before = (RECORD.read_bytes(), vendored)

    def rebuilt(code: bytes, integrity: str = pinned["integrity"]):
        def build(version, dependencies):
            assert version == pinned["version"]
            assert dependencies == {name: info["version"] for name, info in pinned["dependencies"].items()}
            return integrity, pinned["dependencies"], code
        return build

    monkeypatch.setattr(script, "build", rebuilt(vendored))
    assert script.check() == []
    assert script.main(["--check"]) == 0
    monkeypatch.setattr(script, "build", rebuilt(vendored + b"\n"))
    problems = script.check()
    assert len(problems) == 2 and pinned["file"] in problems[1]
    assert script.main(["--check"]) == 1
    monkeypatch.setattr(script, "build", rebuilt(vendored, integrity="sha512-" + "A" * 86 + "=="))
    assert len(script.check()) == 1
    assert (RECORD.read_bytes(), (ROOT / pinned["file"]).read_bytes()) == before


def test_the_vendor_script_writes_what_the_record_says():
    script = vendor_script()
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
