"""The staff pages' shared base: the stylesheet, the script and the login form that the caseworker
console (connectors/handoff) and the content-owner pages (knowledge_base) both use. Plain files
beside this module, so both images get them by copying `common/` whole."""

from __future__ import annotations

from pathlib import Path

__all__ = ["FILES", "LOGIN_FORM_MARK", "STAFF_DIR", "read_files", "with_login_form"]

STAFF_DIR = Path(__file__).parent
# Served by each service next to its own page's files; each page loads them before its own.
FILES = ("staff.css", "staff.js")
# Where a page wants the login form: a line of its own, indented as the form should be.
LOGIN_FORM_MARK = "<!-- staff: login form -->"


def read_files() -> dict[str, bytes]:
    """The shared stylesheet and script, by file name."""
    return {name: (STAFF_DIR / name).read_bytes() for name in FILES}


def with_login_form(page: bytes) -> bytes:
    """The page with the shared login form in place of its mark."""
    text = page.decode("utf-8")
    form = (STAFF_DIR / "login-form.html").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    marked = [i for i, line in enumerate(lines) if line.strip() == LOGIN_FORM_MARK]
    if len(marked) != 1:
        raise ValueError(f"A staff page needs the login form's mark on exactly one line, not {len(marked)}.")
    indent = lines[marked[0]][: len(lines[marked[0]]) - len(lines[marked[0]].lstrip())]
    lines[marked[0]] = "".join(indent + line if line.strip() else line for line in form.splitlines(keepends=True))
    return "".join(lines).encode("utf-8")
