"""A content owner's change reaches young people: an editor changes an answer in the admin pages,
a reviewer publishes it, and the bot's next answer over the REST channel uses the new text. And the
pages word the server's codes in Norwegian, and show the buttons the server says the user may use."""

from __future__ import annotations

import json
import time
import urllib.request

from playwright.sync_api import Route, expect

from support.browser import add_content_owner, csp_violations, screenshot, watch_page
from support.processes import redis_cli

PASSWORD = "riktig-hest-batteri-stift"
QUESTION = "hvordan får jeg skattekort"
TIMEOUT_MS = 30_000
CHECKED_NAMES = {"verified": "Bekreftet", "dated": "Kan være utdatert", "uncertain": "Usikkert"}


def ask_rest(running_stack, sender: str, text: str) -> list[dict]:
    request = urllib.request.Request(
        running_stack.config.urls()["rest"], data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


def admin_api(running_stack, method: str, path: str, token: str = "", body: dict | None = None) -> dict:
    """A call to the admin API (to set up what a test needs without clicking through it)."""
    base = running_stack.config.urls()["admin"].replace("/admin/", "/v1/admin")
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(
        base + path, method=method, headers=headers, data=json.dumps(body).encode() if body is not None else None,
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


def api_token(running_stack, username: str) -> str:
    return admin_api(running_stack, "POST", "/login", body={"username": username, "password": PASSWORD})["token"]


def entry_ids(running_stack, token: str, status: str) -> list[str]:
    return [row["id"] for row in admin_api(running_stack, "GET", f"/entries?status={status}", token)["entries"]]


def log_in(page, url: str, username: str) -> None:
    page.goto(url)
    page.locator("#username").fill(username)
    page.locator("#password").fill(PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    expect(page.locator("#logout")).to_be_visible(timeout=TIMEOUT_MS)


def test_an_edited_and_published_answer_is_what_the_bot_says_next(browser, running_stack):
    add_content_owner(running_stack, "anne", "editor", "skatteetaten", PASSWORD)
    add_content_owner(running_stack, "rune", "reviewer", "skatteetaten", PASSWORD)
    admin_url = running_stack.config.urls()["admin"]
    [before] = [m for m in ask_rest(running_stack, "admin-1", QUESTION) if m["custom"]["kind"] == "answer"]
    entry_id = before["custom"]["entry_id"]
    new_answer = "Skattekort bestiller du selv på skatteetaten.no. Gjør det før du får første lønn, så slipper du for mye trekk."
    assert new_answer not in before["text"]

    editor_context, reviewer_context = browser.new_context(), browser.new_context()
    editor, reviewer = editor_context.new_page(), reviewer_context.new_page()
    try:
        log_in(editor, admin_url, "anne")
        editor.goto(f"{admin_url}#/entry/{entry_id}")
        expect(editor.locator("#f-answer")).not_to_have_value("", timeout=TIMEOUT_MS)
        # A validation error is shown next to its field.
        editor.locator("#f-answer").fill("x" * 501)
        editor.locator("#save").click()
        expect(editor.locator("#e-answer")).not_to_be_empty(timeout=TIMEOUT_MS)
        editor.locator("#f-answer").fill(new_answer)
        editor.locator("#save").click()
        expect(editor.locator("#submit")).to_be_visible(timeout=TIMEOUT_MS)
        editor.locator("#submit").click()
        expect(editor.locator("#publish")).to_be_hidden()  # the author cannot publish
        screenshot(editor, "admin-editor")

        # Not live yet.
        [still] = [m for m in ask_rest(running_stack, "admin-2", QUESTION) if m["custom"]["kind"] == "answer"]
        assert new_answer not in still["text"]

        log_in(reviewer, admin_url, "rune")
        reviewer.goto(f"{admin_url}#/entry/{entry_id}")
        expect(reviewer.locator("#publish")).to_be_visible(timeout=TIMEOUT_MS)
        reviewer.locator("#publish").click()
        expect(reviewer.locator("#publish")).to_be_hidden(timeout=TIMEOUT_MS)
        screenshot(reviewer, "admin-reviewer")
    finally:
        editor_context.close()
        reviewer_context.close()

    deadline = time.monotonic() + 5
    while True:
        answers = [m for m in ask_rest(running_stack, f"admin-{time.monotonic()}", QUESTION) if m["custom"]["kind"] == "answer"]
        if answers and new_answer in answers[0]["text"]:
            break
        assert time.monotonic() < deadline, answers
        time.sleep(0.2)
    assert answers[0]["custom"]["entry_id"] == entry_id


def test_a_field_code_the_server_sends_is_shown_in_norwegian(page, running_stack):
    # The server words these in English ("disagrees with the catalogue", "must be a JSON list"); the
    # page words the field's code, with its params, whatever the English says.
    add_content_owner(running_stack, "lise", "editor", "lanekassen", PASSWORD)
    admin_url = running_stack.config.urls()["admin"]
    entry_id = entry_ids(running_stack, api_token(running_stack, "lise"), "published")[0]
    log_in(page, admin_url, "lise")
    page.goto(f"{admin_url}#/entry/{entry_id}")
    expect(page.locator("#f-answer")).not_to_have_value("", timeout=TIMEOUT_MS)
    catalogue = page.locator("#f-checked").input_value()
    page.locator("#f-checked").select_option(next(level for level in CHECKED_NAMES if level != catalogue))
    page.locator("#save").click()
    expect(page.locator("#e-checked")).to_have_text(
        f"Tjenestekatalogen sier «{CHECKED_NAMES[catalogue]}» for denne tjenesten. Velg det.", timeout=TIMEOUT_MS,
    )
    expect(page.locator("#app-error")).to_contain_text("Artikkelen ble ikke lagret. Rett feltene som er merket.")

    # An import row whose links are not a JSON list (the field code not_json_list).
    page.goto(f"{admin_url}#/entries")
    columns = "id,service,directorate,topic,title,question,phrasings,answer,checked,updated,links"
    row = "lanekassen-test,lanekassen,lanekassen,test,Test,Test?,[],Svar,verified,2026-11-27,ikke json"
    page.locator("#import-file").set_input_files(
        files=[{"name": "rader.csv", "mimeType": "text/csv", "buffer": f"{columns}\n{row}\n".encode()}],
    )
    page.locator("#import-csv").click()
    expect(page.locator("#e-import")).to_contain_text("Rad 2, kolonne «links»: Må være en liste i JSON-format.", timeout=TIMEOUT_MS)


def test_the_buttons_are_the_actions_the_server_allows_on_the_entry(page, running_stack):
    add_content_owner(running_stack, "nora", "editor", "nav", PASSWORD)
    add_content_owner(running_stack, "vera", "reviewer", "nav", PASSWORD)
    admin_url = running_stack.config.urls()["admin"]
    token = api_token(running_stack, "nora")
    in_review, published = entry_ids(running_stack, token, "published")[:2]
    # An editor sends an unchanged copy of one entry to review.
    current = admin_api(running_stack, "GET", f"/entries/{in_review}", token)["published"]
    admin_api(running_stack, "PUT", f"/entries/{in_review}", token, current)
    admin_api(running_stack, "POST", f"/entries/{in_review}/submit", token, {})

    buttons = ("save", "submit", "publish", "reject", "archive")

    def expect_buttons(*shown: str) -> None:
        for name in shown:
            expect(page.locator(f"#{name}")).to_be_visible(timeout=TIMEOUT_MS)
        for name in set(buttons) - set(shown):
            expect(page.locator(f"#{name}")).to_be_hidden()

    log_in(page, admin_url, "vera")
    page.goto(f"{admin_url}#/entry/{published}")
    expect_buttons("archive")
    page.goto(f"{admin_url}#/entry/{in_review}")
    expect_buttons("publish", "reject")

    # The pages keep no copy of the workflow's table: they show what the entry's state says.
    override: dict[str, list[str]] = {}

    def entry_with(route: Route) -> None:
        reply = route.fetch()
        data = reply.json()
        data["state"]["allowed_actions"] = override["allowed_actions"]
        route.fulfill(response=reply, json=data)

    page.route(f"**/v1/admin/entries/{in_review}", entry_with)
    override["allowed_actions"] = ["reject"]
    page.reload()
    expect_buttons("reject")
    override["allowed_actions"] = ["archive"]
    page.reload()
    expect_buttons("archive")


def test_actions_on_no_one_entry_follow_the_role_actions_from_me(page, running_stack):
    add_content_owner(running_stack, "ola", "editor", "nav", PASSWORD)
    admin_url = running_stack.config.urls()["admin"]
    log_in(page, admin_url, "ola")
    expect(page.locator("#nav-new-item")).to_be_visible()
    expect(page.locator("#import-form")).to_be_visible()

    def me_without_create(route: Route) -> None:
        reply = route.fetch()
        data = reply.json()
        data["user"]["role_actions"] = [a for a in data["user"]["role_actions"] if a != "create"]
        route.fulfill(response=reply, json=data)

    page.route("**/v1/admin/me", me_without_create)
    page.reload()
    expect(page.locator("#logout")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator("#nav-new-item")).to_be_hidden()
    expect(page.locator("#import-form")).to_be_hidden()


def test_what_the_pages_render_from_the_server_works_under_their_csp(page, running_stack):
    """An administrator goes through what the pages render from the server's data: the entry list
    and its filter, an entry's published version, versions, diff and restore, the unanswered
    questions (attach, an error on one card, dismiss), the audit log and its filter, statistics and
    users; all under the page's CSP, with no error in the page; a logout forgets what was shown."""
    add_content_owner(running_stack, "siri", "admin", "skatteetaten", PASSWORD)
    admin_url = running_stack.config.urls()["admin"]
    token = api_token(running_stack, "siri")
    every = admin_api(running_stack, "GET", "/entries", token)["entries"]
    entry_id = next(row["id"] for row in every if row["directorate"] == "skatteetaten" and row["status"] == "published")
    # A draft beside the published version: the entry has two versions with content.
    draft = admin_api(running_stack, "GET", f"/entries/{entry_id}", token)["published"]
    draft["answer"] = "Et nytt svar fra siri som skal vises i endringene."
    admin_api(running_stack, "PUT", f"/entries/{entry_id}", token, draft)
    # Two unanswered questions, as the widget channel logs a handoff.
    for question in ("kan hunden min få frikort fra skatten", "hvorfor er det lilla ballonger i kantina"):
        redis_cli(running_stack, "XADD", "uv:insights:handoffs", "*", "team", "skatt", "service", "skatteetaten",
                  "priority", "normal", "question", question, "ts", str(int(time.time() * 1000)))

    problems = watch_page(page)
    response = page.goto(admin_url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe" not in policy
    page.locator("#username").fill("siri")
    page.locator("#password").fill(PASSWORD)
    page.locator("#login-form button[type=submit]").click()

    # The entry list, its filter, and a click on a row.
    rows = page.locator("#entries-body .entry-row")
    expect(page.locator("#entries-count")).to_have_text(f"{len(every)} artikler.", timeout=TIMEOUT_MS)
    expect(rows).to_have_count(len(every))
    # The page's modules render with the vendored lit.
    loaded = page.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert any(name.endswith("/admin/static/lit.min.js") for name in loaded), loaded
    page.locator("#text-filter").fill(entry_id)
    expect(page.locator(f"#entries-body .entry-row[data-entry='{entry_id}']")).to_be_visible()
    expect(page.locator("#entries-count")).to_contain_text(f" av {len(every)} artikler.")
    assert rows.count() < len(every)
    page.locator(f"#entries-body .entry-row[data-entry='{entry_id}'] .cell-id").click()

    # The entry: its state, the published version beside the draft, versions and a diff.
    expect(page).to_have_url(f"{admin_url}#/entry/{entry_id}", timeout=TIMEOUT_MS)
    expect(page.locator("#entry-state .badge")).to_have_text("Utkast", timeout=TIMEOUT_MS)
    expect(page.locator("#published-panel")).to_be_visible()
    expect(page.locator("#published-fields dt").first).to_have_text("Tittel")
    versions = page.locator("#versions-body tr")
    expect(versions).to_have_count(2, timeout=TIMEOUT_MS)
    expect(page.locator("#entry-audit-body tr").first).to_be_visible()
    versions.first.get_by_role("button", name="Vis endringer fra versjon 1 til versjon 2").click()
    expect(page.locator("#diff-heading")).to_have_text("Endringer fra versjon 1 til versjon 2", timeout=TIMEOUT_MS)
    expect(page.locator("#diff-heading")).to_be_focused()
    expect(page.locator("#diff .diff-add", has_text="Et nytt svar fra siri")).to_be_visible()
    expect(page.locator("#diff .diff-del").first).to_be_visible()
    page.locator("#diff-close").click()
    expect(page.locator("#diff-panel")).to_be_hidden()
    # Version 1 restored as a new draft: a third version, and the form holds the old answer again.
    versions.last.get_by_role("button", name="Gjenopprett versjon 1 som nytt utkast").click()
    expect(page.locator("#app-status")).to_contain_text("Versjon 1 er gjenopprettet", timeout=TIMEOUT_MS)
    expect(versions).to_have_count(3, timeout=TIMEOUT_MS)
    expect(page.locator("#f-answer")).not_to_have_value(draft["answer"])

    # Unanswered questions: an empty entry id is refused on its own card; attach; dismiss.
    page.goto(f"{admin_url}#/insights")
    dog = page.locator("#insights-list .group-card", has_text="hunden min")
    balloons = page.locator("#insights-list .group-card", has_text="lilla ballonger")
    expect(dog).to_be_visible(timeout=TIMEOUT_MS)
    expect(dog.locator(".kind-handoff strong")).to_have_text("1")
    dog.get_by_role("button", name="Legg til som formulering").click()
    expect(dog.locator(".field-error")).to_have_text("Skriv eller velg ID-en til artikkelen.")
    expect(dog.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(dog.locator("input")).to_be_focused()
    expect(balloons.locator(".field-error")).to_be_empty()
    dog.locator("input").fill(entry_id)
    dog.get_by_role("button", name="Legg til som formulering").click()
    expect(page.locator("#app-status")).to_contain_text(f"er lagt til som formulering i utkastet til {entry_id}.", timeout=TIMEOUT_MS)
    expect(page.locator("#app-status a")).to_have_attribute("href", f"#/entry/{entry_id}")
    expect(dog).to_have_count(0)
    balloons.get_by_role("button", name="Avvis").click()
    expect(page.locator("#app-status")).to_contain_text("Avvist: «", timeout=TIMEOUT_MS)
    expect(balloons).to_have_count(0)

    # The audit log, filtered to one entry: each event worded from its code and fields, and one
    # written before the codes (only the server's English text) shown as it was stored.
    redis_cli(running_stack, "XADD", "uv:kb:audit", "*", "who", "siri", "action", "revert to version 9",
              "entry_id", entry_id, "detail", "version 9", "ts", str(int(time.time() * 1000)))
    page.goto(f"{admin_url}#/audit")
    expect(page.locator("#audit-body tr").first).to_be_visible(timeout=TIMEOUT_MS)
    events = len(admin_api(running_stack, "GET", f"/audit?entry_id={entry_id}", token)["audit"])
    assert events < len(admin_api(running_stack, "GET", "/audit", token)["audit"])
    page.locator("#audit-entry").fill(entry_id)
    page.locator("#audit-filter button[type=submit]").click()
    expect(page.locator("#audit-body tr")).to_have_count(events, timeout=TIMEOUT_MS)
    expect(page.locator(f"#audit-body tr a[href='#/entry/{entry_id}']")).to_have_count(events)
    expect(page.locator("#audit-body tr a").first).to_have_text(entry_id)
    old_event = page.locator("#audit-body tr", has_text="revert to version 9")
    expect(old_event).to_have_count(1)
    expect(old_event.locator("td").last).to_have_text("version 9")
    restored = page.locator("#audit-body tr", has_text="Gjenopprettet versjon 1")
    expect(restored).to_have_count(1)
    expect(restored.locator("td").last).to_have_text("Status: Utkast")
    attached = page.locator("#audit-body tr", has_text="La til formulering")
    expect(attached).to_have_count(1)
    expect(attached.locator("td").last).to_contain_text("Spørsmålsgruppe ")

    # Statistics: a row per directorate, or the note that there are none yet.
    page.goto(f"{admin_url}#/stats")
    expect(page.locator("#stats-heading")).to_be_focused(timeout=TIMEOUT_MS)
    assert page.locator("#stats-body tr").count() > 0 or page.locator("#stats-empty").is_visible()

    # Users: a refused password is shown next to its field; then a new editor is in the list.
    page.goto(f"{admin_url}#/users")
    expect(page.locator("#users-body tr", has_text="siri")).to_be_visible(timeout=TIMEOUT_MS)
    page.locator("#u-username").fill("tore")
    page.locator("#u-password").fill("kort")
    page.locator("#u-role").select_option("editor")
    page.get_by_label("Skatteetaten (skatteetaten)").check()
    page.locator("#user-create").click()
    expect(page.locator("#e-u-password")).to_have_text("Passordet må ha minst 10 tegn.", timeout=TIMEOUT_MS)
    expect(page.locator("#u-password")).to_be_focused()
    page.locator("#u-password").fill(PASSWORD)
    page.locator("#user-create").click()
    expect(page.locator("#app-status")).to_have_text("Brukeren tore er opprettet som redaktør.", timeout=TIMEOUT_MS)
    expect(page.locator("#users-body tr", has_text="tore")).to_be_visible()
    screenshot(page, "admin-users")

    # A logout forgets what was shown.
    page.locator("#logout").click()
    expect(page.locator("#login-view")).to_be_visible(timeout=TIMEOUT_MS)
    for shown in ("#entries-body tr", "#versions-body tr", "#insights-list li", "#audit-body tr", "#users-body tr", "#u-directorates input"):
        expect(page.locator(shown)).to_have_count(0)

    assert csp_violations(page) == []
    assert problems == []
