"""Re-vendor lit for the staff pages: download the pinned version with npm, check every package
against the registry's published sha512 integrity, bundle lit's core and its `repeat` directive
into one ES module file, and rewrite that file and its record (common/staff/vendor/VENDORED.json).

The npm package `lit` ships ES modules that import each other by bare name (`lit-html`,
`@lit/reactive-element`), which a browser cannot resolve without an import map (inline, so not
under our CSP), and it ships no single-file bundle; so this script makes one with a pinned esbuild.
Only `lit` (html, render, LitElement, ...) and `lit/directives/repeat.js` go in: no unsafeHTML.

    python scripts/vendor_lit.py                  # the version VENDORED.json pins, same dependencies
    python scripts/vendor_lit.py --version 3.3.4  # an upgrade: npm resolves lit's dependencies anew
    python scripts/vendor_lit.py --check          # rebuild the pinned bundle and compare, write nothing

`--check` builds the bundle again in a temporary directory from the pinned tarballs (each checked
against the sha512 the record holds, and the registry's) and says whether it is byte for byte the
vendored file; exit status 1 when it is not.

Needs npm and the npm registry; the tests never run npm (tests/static/test_vendored.py checks the
file against the record without network).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR_DIR = ROOT / "common" / "staff" / "vendor"
RECORD = VENDOR_DIR / "VENDORED.json"
BUNDLE_NAME = "lit.min.js"
ESBUILD_VERSION = "0.28.2"
LIT_DEPENDENCIES = ("lit-html", "lit-element", "@lit/reactive-element")
# What the bundle exports: lit's main module and the keyed-list directive, nothing else.
ENTRY = "export * from 'lit';\nexport * from 'lit/directives/repeat.js';\n"
ESBUILD_ARGS = ("--bundle", "--format=esm", "--minify", "--target=es2021", "--legal-comments=eof", "--charset=utf8")


class VendorError(RuntimeError):
    pass


def npm(*args: str, cwd: Path) -> str:
    result = subprocess.run(["npm", *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise VendorError(f"npm {' '.join(args)} failed:\n{result.stderr.strip()}")
    return result.stdout


def published_integrity(spec: str, cwd: Path) -> str:
    return json.loads(npm("view", spec, "dist.integrity", "--json", cwd=cwd))


def sha512_integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def fetch_lit(version: str, work: Path) -> str:
    """`npm pack` the lit tarball and check it against the registry's integrity; returns it."""
    packed = json.loads(npm("pack", f"lit@{version}", "--json", cwd=work))[0]
    tarball = (work / packed["filename"]).read_bytes()
    expected = published_integrity(f"lit@{version}", work)
    if sha512_integrity(tarball) != expected or packed["integrity"] != expected:
        raise VendorError(f"lit@{version}: the tarball's sha512 is not the registry's {expected}")
    return expected


def install(version: str, pinned: dict[str, str], work: Path) -> dict[str, dict[str, str]]:
    """Install lit (its dependencies pinned when given) and esbuild; returns each lit package's
    resolved version and integrity, each checked against the registry."""
    manifest = {
        "private": True,
        "dependencies": {"lit": version, "esbuild": ESBUILD_VERSION},
        "overrides": pinned,
    }
    (work / "package.json").write_text(json.dumps(manifest, indent=2))
    npm("install", "--no-audit", "--no-fund", "--save-exact", cwd=work)
    lock = json.loads((work / "package-lock.json").read_text())["packages"]
    resolved = {}
    for name in ("lit", *LIT_DEPENDENCIES):
        entry = lock[f"node_modules/{name}"]
        expected = published_integrity(f"{name}@{entry['version']}", work)
        if entry["integrity"] != expected:
            raise VendorError(f"{name}@{entry['version']}: npm's integrity {entry['integrity']} is not the registry's {expected}")
        resolved[name] = {"version": entry["version"], "integrity": entry["integrity"]}
    if resolved["lit"]["version"] != version:
        raise VendorError(f"npm installed lit {resolved['lit']['version']}, not {version}")
    return resolved


def bundle(work: Path) -> bytes:
    (work / "entry.js").write_text(ENTRY)
    out = work / BUNDLE_NAME
    esbuild = work / "node_modules" / ".bin" / "esbuild"
    result = subprocess.run([str(esbuild), "entry.js", *ESBUILD_ARGS, f"--outfile={out.name}"],
                            cwd=work, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise VendorError(f"esbuild failed:\n{result.stderr.strip()}")
    return out.read_bytes()


def build(version: str, pinned: dict[str, str]) -> tuple[str, dict[str, dict[str, str]], bytes]:
    """lit's tarball integrity, each lit package's version and integrity, and the bundle, built
    in a temporary directory that is gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="vendor-lit-") as tmp:
        work = Path(tmp)
        integrity = fetch_lit(version, work)
        resolved = install(version, pinned, work)
        return integrity, resolved, bundle(work)


def vendor(version: str | None) -> dict:
    previous = json.loads(RECORD.read_text()) if RECORD.exists() else {}
    version = version or previous.get("version")
    if not version:
        raise VendorError("No version pinned yet: pass --version.")
    # The same version again: the same dependencies, so the file comes out byte for byte the same.
    pinned = {} if version != previous.get("version") else {
        name: info["version"] for name, info in previous.get("dependencies", {}).items()}
    integrity, resolved, code = build(version, pinned)
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    (VENDOR_DIR / BUNDLE_NAME).write_bytes(code)
    record = {
        "package": "lit",
        "version": version,
        "integrity": integrity,
        "tarball": f"lit-{version}.tgz",
        "dependencies": {name: resolved[name] for name in LIT_DEPENDENCIES},
        "file": f"common/staff/vendor/{BUNDLE_NAME}",
        "sha256": hashlib.sha256(code).hexdigest(),
        "bundle": "lit core and the repeat directive (no lit-core.min.js or lit-all.min.js is in the npm "
                  "package): the package's index.js and directives/repeat.js, production builds, one ES module",
        "entry": ENTRY,
        "bundler": {"package": "esbuild", "version": ESBUILD_VERSION, "args": list(ESBUILD_ARGS)},
        "license": "BSD-3-Clause (kept at the end of the file)",
        "script": "scripts/vendor_lit.py",
    }
    RECORD.write_text(json.dumps(record, indent=2) + "\n")
    return record


def check() -> list[str]:
    """What differs between the vendored file and the bundle built again from the pinned packages
    (nothing: the file is the package's); writes nothing."""
    record = json.loads(RECORD.read_text())
    pinned = {name: info["version"] for name, info in record["dependencies"].items()}
    integrity, resolved, code = build(record["version"], pinned)
    problems = []
    if integrity != record["integrity"]:
        problems.append(f"lit@{record['version']}: the registry's tarball is {integrity}, the record pins {record['integrity']}")
    for name in LIT_DEPENDENCIES:
        if resolved[name] != record["dependencies"][name]:
            problems.append(f"{name}: installed {resolved[name]}, the record pins {record['dependencies'][name]}")
    built = hashlib.sha256(code).hexdigest()
    if built != record["sha256"]:
        problems.append(f"the rebuilt bundle's sha256 is {built}, the record pins {record['sha256']}")
    if code != (ROOT / record["file"]).read_bytes():
        problems.append(f"{record['file']} is not the bundle built from the pinned packages")
    return problems


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--version", help="lit version to vendor (default: the one VENDORED.json pins)")
    action.add_argument("--check", action="store_true",
                        help="rebuild the pinned bundle in a temporary directory and compare it with the vendored file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.check:
            problems = check()
        else:
            record = vendor(args.version)
    except VendorError as error:
        print(error, file=sys.stderr)
        return 1
    if args.check:
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        print(f"{RECORD.relative_to(ROOT)}: the vendored file is the bundle of the pinned packages")
        return 0
    print(f"lit {record['version']} -> {record['file']} (sha256 {record['sha256']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
