"""The staff pages' shared base: the stylesheet, the script, the head and the login form that the
caseworker console (connectors/handoff) and the content-owner pages (knowledge_base) both use,
and the third-party scripts a page may load (`vendor/`, each recorded in vendor/VENDORED.json).
Plain files beside this module, so both images get them by copying `common/` whole."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["FILES", "PARTS", "STAFF_DIR", "VENDORED", "VENDOR_DIR", "assemble", "read_files", "read_vendored"]

STAFF_DIR = Path(__file__).parent
# Served by each service next to its own page's files; each page loads them before its own.
FILES = ("staff.css", "staff.js")
# Pinned third-party ES modules (scripts/vendor_lit.py writes them), served beside the shared files
# by a page that imports them: lit, for the caseworker console and the content-owner pages.
VENDOR_DIR = STAFF_DIR / "vendor"
VENDORED = ("lit.min.js",)
# What a page takes from here: a line `<!-- staff: <part> -->` of its own, indented as the part
# should be, becomes the part's file. The head loads the shared files; the login form is the same
# form on both pages.
PARTS = {"head": "head.html", "login form": "login-form.html"}
MARK = re.compile(r"^([ \t]*)<!-- staff: ([a-z ]+) -->[ \t]*$", re.M)


def read_files() -> dict[str, bytes]:
    """The shared stylesheet and script, by file name."""
    return {name: (STAFF_DIR / name).read_bytes() for name in FILES}


def read_vendored() -> dict[str, bytes]:
    """The vendored scripts, by file name."""
    return {name: (VENDOR_DIR / name).read_bytes() for name in VENDORED}


def assemble(page: bytes) -> bytes:
    """The page with each part it marks in place, each part once."""
    text = page.decode("utf-8")
    marked = [match.group(2) for match in MARK.finditer(text)]
    if sorted(marked) != sorted(set(marked)) or not set(marked) <= set(PARTS):
        raise ValueError(f"A staff page marks each of {sorted(PARTS)} at most once, not {marked}.")

    def part(match: re.Match[str]) -> str:
        lines = (STAFF_DIR / PARTS[match.group(2)]).read_text(encoding="utf-8").splitlines()
        return "\n".join(match.group(1) + line if line.strip() else line for line in lines)

    return MARK.sub(part, text).encode("utf-8")
