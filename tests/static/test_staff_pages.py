"""The staff pages (the caseworker console and the content-owner pages) stand on one shared base,
common/staff/: each page takes its head (which loads the shared stylesheet and script before the
page's own) and its login form from the shared files, and its own files do not define again what
the shared ones define."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from common import staff

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "console": ROOT / "connectors" / "handoff" / "static",
    "admin": ROOT / "knowledge_base" / "kb_service" / "static",
}
# How each page loads its own script: both as an ES module (each imports the vendored lit and its
# own modules).
PAGE_SCRIPT_TYPE = {"console": "module", "admin": "module"}


class Head(HTMLParser):
    """The stylesheets and scripts a page loads, in order, and whether any script or style is inline."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self.script_types: dict[str, str | None] = {}
        self.inline: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if "style" in attributes or any(name.startswith("on") for name in attributes):
            self.inline.append(f"<{tag}> with {sorted(attributes)}")
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.loads.append(("css", str(attributes.get("href"))))
        elif tag == "script":
            if not attributes.get("src"):
                self.inline.append("<script> without src")
            else:
                self.loads.append(("js", str(attributes["src"])))
                self.script_types[str(attributes["src"])] = attributes.get("type")
                # Classic deferred scripts and module scripts (deferred by nature, never async here)
                # run in document order, so the shared one comes first.
                if attributes.get("type") is None:
                    assert "defer" in attributes, attributes
                else:
                    assert attributes["type"] == "module" and "async" not in attributes and "defer" not in attributes, attributes
        elif tag == "style":
            self.inline.append("<style>")


def parse(page: str) -> Head:
    head = Head()
    head.feed(staff.assemble((PAGES[page] / f"{page}.html").read_bytes()).decode("utf-8"))
    return head


def test_a_page_marks_each_part_once():
    with pytest.raises(ValueError):
        staff.assemble(b"<!-- staff: head -->\n<!-- staff: head -->\n")
    with pytest.raises(ValueError):
        staff.assemble(b"  <!-- staff: footer -->\n")
    assert staff.assemble(b"<p>\n    <!-- staff: login form -->\n</p>\n").startswith(b"<p>\n    <form ")


@pytest.mark.parametrize("page", PAGES)
def test_each_page_loads_the_shared_files_before_its_own_and_nothing_inline(page):
    head = parse(page)
    assert [href for kind, href in head.loads if kind == "css"] == ["static/staff.css", f"static/{page}.css"]
    assert [src for kind, src in head.loads if kind == "js"] == ["static/staff.js", f"static/{page}.js"]
    # The shared script is classic (it defines window.Staff); each page's own is as it says.
    assert head.script_types == {"static/staff.js": None, f"static/{page}.js": PAGE_SCRIPT_TYPE[page]}
    assert head.inline == []


@pytest.mark.parametrize("page", PAGES)
def test_each_page_takes_its_head_and_login_form_from_the_shared_files(page):
    source = (PAGES[page] / f"{page}.html").read_text(encoding="utf-8")
    for part in staff.PARTS:
        assert source.count(f"<!-- staff: {part} -->") == 1, part
    assert 'id="login-form"' not in source and "<meta" not in source and "staff." not in source
    ids = parse(page).ids
    assert {"login-form", "username", "password", "login-error", "login-button", "login-status"} <= set(ids)
    assert len(ids) == len(set(ids)), "an id the shared form uses is used again by the page"


def test_no_page_has_a_file_named_like_a_shared_one():
    for folder in PAGES.values():
        assert not {path.name for path in folder.iterdir()} & {*staff.FILES, *staff.VENDORED}, folder


# --- CSS: a page may add to or change a shared rule, never say again what it says ---------------
def css_rules(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(at-rule context, one selector) -> its declarations, over the whole file."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    rules: dict[tuple[str, str], dict[str, str]] = {}
    context: list[str] = []
    selector = ""
    for token in re.findall(r"[^{}]+|[{}]", text):
        if token == "{":
            if selector.startswith("@"):
                context.append(" ".join(selector.split()))
                selector = ""
            continue
        if token == "}":
            if context and not selector:
                context.pop()
            selector = ""
            continue
        if selector:   # a block's declarations
            declarations = {}
            for part in token.split(";"):
                if ":" in part:
                    name, value = part.split(":", 1)
                    declarations[name.strip()] = " ".join(value.split())
            for one in selector.split(","):
                rules.setdefault((" ".join(context), " ".join(one.split())), {}).update(declarations)
        else:
            selector = token.strip()
    return rules


def test_css_rules_are_parsed():
    shared = css_rules(staff.STAFF_DIR / "staff.css")
    assert shared[("", ".button-primary")]["background"] == "var(--primary)"
    assert shared[("", "input[type=\"password\"]")]["padding"] == "0.45rem 0.6rem"
    assert shared[("", ".button:disabled:hover")]["cursor"] == "not-allowed"


@pytest.mark.parametrize("page", PAGES)
def test_a_page_stylesheet_repeats_no_declaration_of_the_shared_one(page):
    shared = css_rules(staff.STAFF_DIR / "staff.css")
    own = css_rules(PAGES[page] / f"{page}.css")
    repeated = sorted(
        f"{' '.join(key).strip()} {{ {name}: {value} }}"
        for key, declarations in own.items() if key in shared
        for name, value in declarations.items() if shared[key].get(name) == value
    )
    assert repeated == []
    # Custom properties are defined once, in one file.
    assert not set(own[("", ":root")]) & set(shared[("", ":root")])


# --- JS: the page scripts take the helpers from window.Staff ------------------------------------
def shared_names() -> set[str]:
    script = (staff.STAFF_DIR / "staff.js").read_text(encoding="utf-8")
    exported = re.search(r"window\.Staff = Object\.freeze\(\{([^}]*)\}\)", script)
    assert exported, "staff.js exports nothing as window.Staff"
    return {name.strip() for name in exported.group(1).split(",")}


def defined_names(script: str) -> set[str]:
    """Names a script defines at the start of a line: functions, consts, lets and vars."""
    pattern = r"^\s*(?:async\s+)?function\s+([\w$]+)|^\s*(?:const|let|var)\s+([\w$]+)\s*="
    return {a or b for a, b in re.findall(pattern, script, re.M)}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_script_defines_none_of_the_shared_helpers_again(page):
    names = shared_names()
    assert {"$", "el", "clear", "str", "isObj", "arr", "request"} <= names
    script = (PAGES[page] / f"{page}.js").read_text(encoding="utf-8")
    assert defined_names(script) & names == set()
    assert re.search(r"^const \{[^}]*\} = window\.Staff;$", script, re.M)
    # Nothing fetches past the shared helper (its time limit, no cache, no redirects).
    assert "fetch(" not in script


@pytest.mark.parametrize("page", PAGES)
def test_no_script_of_a_page_defines_the_shared_helpers_again_or_fetches_past_them(page):
    names = shared_names()
    for path in sorted(PAGES[page].glob("*.js")):
        script = path.read_text(encoding="utf-8")
        assert defined_names(script) & names == set(), path.name
        assert "fetch(" not in script, path.name


# --- The console's ES modules: lit from the vendored file, and no HTML from strings -------------
def module_imports(script: str) -> list[str]:
    return re.findall(r"^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)';", script, re.M | re.S)


# --- The staff pages' ES modules ------------------------------------------------------------------
def code_only(path: Path) -> str:
    """A script without its comments (they may name what the code must not do)."""
    return re.sub(r"/\*.*?\*/|^[ \t]*//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)


def reached_modules(folder: Path, entry: str) -> set[str]:
    """The modules `entry` imports, and theirs, each checked to be a file served beside it."""
    served = {path.name for path in folder.glob("*.js")} | set(staff.VENDORED)
    reached, pending = set(), [entry]
    while pending:
        name = pending.pop()
        reached.add(name)
        if name in staff.VENDORED:
            continue
        script = (folder / name).read_text(encoding="utf-8")
        assert not re.search(r"\bimport\(", script), name
        for target in module_imports(script):
            assert target.startswith("./") and target[2:] in served, (name, target)
            if target[2:] not in reached:
                pending.append(target[2:])
    return reached


def test_the_console_modules_import_only_each_other_and_the_vendored_lit():
    folder = PAGES["console"]
    # Every module of the console is used, and lit comes in.
    assert reached_modules(folder, "console.js") == {path.name for path in folder.glob("*.js")} | set(staff.VENDORED)


def test_the_console_puts_nothing_on_the_page_as_html():
    for path in sorted(PAGES["console"].glob("*.js")):
        script = code_only(path)
        for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "unsafeHTML",
                       "unsafeSVG", "eval(", "new Function", "createContextualFragment", ".href ="):
            assert unsafe not in script, (path.name, unsafe)


# --- The admin page's ES modules: the same rules, and issue 17's ---------------------------------
# The admin module that downloads the CSV export (the one href set by hand).
CSV_MODULE = "admin-csv.js"


def test_the_admin_modules_import_only_each_other_and_the_vendored_lit():
    folder = PAGES["admin"]
    assert reached_modules(folder, "admin.js") == {path.name for path in folder.glob("*.js")} | set(staff.VENDORED)


def test_the_admin_pages_put_nothing_on_the_page_as_html():
    for path in sorted(PAGES["admin"].glob("*.js")):
        script = code_only(path)
        for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "unsafeHTML",
                       "unsafeSVG", "eval(", "new Function", "createContextualFragment"):
            assert unsafe not in script, (path.name, unsafe)
        # Links from data are same-page hash links to an entry; the one href set by hand is the
        # CSV download's, to the blob it fetched.
        assert set(re.findall(r"href=\$\{([^}]*)\}", script)) <= {"entryHref(id)", "link.href"}, path.name
        assert all(value.startswith("entryHref(") for value in re.findall(r"\bhref: ([^,}]+)", script)), path.name
        assert re.findall(r"\.href = ([^;]+);", script) == (["url"] if path.name == CSV_MODULE else []), path.name
    assert "const url = URL.createObjectURL(blob);" in code_only(PAGES["admin"] / CSV_MODULE)


def test_the_admin_pages_word_codes_and_show_the_actions_the_server_allows():
    """Issue 17: the pages show the buttons each entry's allowed_actions (and /me's role_actions)
    name, with no copy of the workflow's table, and word errors from their codes, never from the
    server's English message."""
    scripts = {path.name: code_only(path) for path in PAGES["admin"].glob("*.js")}
    code = "\n".join(scripts.values())
    assert "allowed_actions" in code and "role_actions" in code
    assert not re.search(r"\b(?:RULES|TRANSITIONS)\b", code)
    assert not re.search(r"\[\s*'(?:admin|editor|reviewer)',\s*'(?:admin|editor|reviewer)'", code)
    # The API client keeps the message in the error (for the browser's console), and no one reads it.
    assert re.findall(r"\w+\.message\b", scripts["admin-api.js"]) == ["error.message"]
    others = "\n".join(script for name, script in scripts.items() if name != "admin-api.js")
    assert not re.search(r"\b(?:e|err|error|refusal)\.message\b", others)


# A regular-expression literal in a script: after an operator or an opening bracket, up to the
# closing slash on the same line, with its flags.
REGEX_LITERAL = re.compile(r"(?:^|(?<=[=(,:!&|?;{}\[]))\s*/(?![/*])((?:\\.|\[[^\]\n]*\]|[^/\n\\])+)/[dgimsuy]*")


def regex_literals(script: str) -> list[str]:
    return REGEX_LITERAL.findall(script)


def test_regex_literals_are_found():
    assert regex_literals("const a = /^revert to version (\\d+)$/.exec(text);\nif (/^x\\/y$/i.test(b)) c = d / e;") == [
        "^revert to version (\\d+)$", "^x\\/y$",
    ]


def test_the_admin_pages_word_the_audit_log_from_its_codes_not_from_its_english():
    """Issue 17: an audit event or a version is worded from its code and fields (store.py writes
    them beside the English text), with no pattern over the English ("revert to version 3",
    "version 4", "12 entries"); an event from before the codes shows its stored text as it is."""
    for path in sorted(PAGES["admin"].glob("*.js")):
        script = code_only(path)
        assert "revert to version" not in script, path.name
        for literal in regex_literals(script):
            assert not re.search(r"revert|version|entries", literal, re.I), (path.name, literal)
    texts = code_only(PAGES["admin"] / "admin-texts.js")
    assert "record.code" in texts and "restored_version" in texts


def test_the_admin_modules_are_small_with_one_job_and_import_in_one_direction():
    """Issue 17: admin.js only puts the page together (each view's module renders and binds its
    own part), no module grows back into a controller of the whole page, and no two modules
    import each other, directly or round about."""
    folder = PAGES["admin"]
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in folder.glob("admin*.js")}
    assert sizes["admin.js"] <= 80, sizes["admin.js"]
    assert max(sizes.values()) <= 250, sizes
    main = code_only(folder / "admin.js")
    assert not re.search(r"\bapi\(|addEventListener|\basync\b", main)
    graph = {
        path.name: [target[2:] for target in module_imports(path.read_text(encoding="utf-8")) if target[2:] not in staff.VENDORED]
        for path in folder.glob("*.js")
    }

    def walk(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        for target in graph[name]:
            walk(target, (*path, name))

    walk("admin.js", ())


WIDGET_SCRIPT = ROOT / "connectors" / "widget" / "static" / "widget.js"
# What would make widget.js depend on something: it is embedded on other sites as one classic
# script, so it may load no module, no lit, and not the staff pages' base.
WIDGET_DEPENDENCIES = {
    "an import": r"\bimport\b",
    "a require": r"\brequire\s*\(",
    "an export (a module)": r"\bexport\b",
    "lit": r"\blit(\.min)?\.js\b|[\"'`]lit[\"'`/]|\blit-(html|element)\b|\bLitElement\b",
    "the staff base": r"\bStaff\b|\bstaff\.(js|css)\b",
}


def widget_dependencies(code: str) -> list[str]:
    return [name for name, pattern in WIDGET_DEPENDENCIES.items() if re.search(pattern, code)]


def test_the_widget_script_stays_dependency_free():
    assert widget_dependencies(code_only(WIDGET_SCRIPT)) == []


@pytest.mark.parametrize(
    "line, found",
    [
        ("import { html } from './lit.min.js';", ["an import", "lit"]),
        ("const lit = await import('lit');", ["an import", "lit"]),
        ("const { render } = require('lit-html');", ["a require", "lit"]),
        ("export function mount() {}", ["an export (a module)"]),
        ("script.src = '/static/lit.min.js';", ["lit"]),
        ("const { el } = window.Staff;", ["the staff base"]),
        ("link.href = '/caseworker/staff.css';", ["the staff base"]),
        ("const important = 'litt viktig';", []),
    ],
)
def test_the_widget_check_finds_each_kind_of_dependency(line, found):
    assert widget_dependencies(line) == found
