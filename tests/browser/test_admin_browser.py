"""A content owner's change reaches young people: an editor changes an answer in the admin pages,
a reviewer publishes it, and the bot's next answer over the REST channel uses the new text."""

from __future__ import annotations

import json
import time
import urllib.request

from playwright.sync_api import expect

from support.browser import add_content_owner, screenshot

PASSWORD = "riktig-hest-batteri-stift"
QUESTION = "hvordan får jeg skattekort"
TIMEOUT_MS = 30_000


def ask_rest(running_stack, sender: str, text: str) -> list[dict]:
    request = urllib.request.Request(
        running_stack.config.urls()["rest"], data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


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
