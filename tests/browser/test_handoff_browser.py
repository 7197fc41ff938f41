"""A handoff end to end in two chromium pages: a young person in the widget, a caseworker in the
console; the Rasa server is restarted in the middle, and nothing is lost."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import EXIT_URL, restart, screenshot
from support.processes import add_caseworker

PASSWORD = "riktig-hest-batteri-stift"
TIMEOUT_MS = 30_000


# Each CSP violation in the page, as the browser reports it to the page (before any script runs).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def watch(page) -> list[str]:
    """Collect CSP violations (read with csp_violations) and uncaught errors in the page."""
    errors: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def young_messages(page, role: str):
    return page.locator(f"#ung-veileder .message[data-role={role}]")


def say(page, text: str) -> None:
    page.locator("#uv-input").fill(text)
    page.locator("#uv-input").press("Enter")


def test_a_caseworker_takes_over_replies_and_hands_back(browser, demo_url, running_stack):
    add_caseworker(running_stack, "kari", "ungdomsveiledning", PASSWORD)
    console_url = running_stack.config.urls()["console"]
    young_context = browser.new_context(viewport={"width": 1280, "height": 800})
    young_context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, body="ok"))
    caseworker_context = browser.new_context(viewport={"width": 1280, "height": 900})
    young, caseworker = young_context.new_page(), caseworker_context.new_page()
    caseworker_errors = watch(caseworker)
    try:
        # 1. The young person asks for a human and confirms.
        young.goto(demo_url)
        young.locator("#ung-veileder button.launcher").click()
        say(young, "kan jeg snakke med et menneske")
        expect(young.locator("#ung-veileder .message[data-kind=handoff_offer]")).to_be_visible(timeout=TIMEOUT_MS)
        young.locator("#ung-veileder button.quick-reply").first.click()
        handoff = young.locator("#ung-veileder .message[data-kind=handoff]")
        expect(handoff).to_be_visible(timeout=TIMEOUT_MS)

        # 2. A caseworker logs in, sees the ticket in the queue and claims it.
        caseworker.goto(console_url)
        caseworker.locator("#username").fill("kari")
        caseworker.locator("#password").fill(PASSWORD)
        caseworker.locator("#login-form button[type=submit]").click()
        expect(caseworker.locator("#queue .ticket-row")).to_have_count(1, timeout=TIMEOUT_MS)
        caseworker.locator("#queue .claim-button").first.click()
        expect(caseworker.locator("#ticket")).to_have_attribute("data-ticket", re.compile(r"\w+"), timeout=TIMEOUT_MS)
        expect(caseworker.locator("#transcript")).to_contain_text("kan jeg snakke med et menneske")
        # The young person is told who has joined.
        expect(young.locator("#ung-veileder .message[data-kind=joined]")).to_contain_text("er her nå", timeout=TIMEOUT_MS)

        # The young person writes a script payload; the console shows it as text and never runs it.
        say(young, '<img src=x onerror="window.__pwned=1">hei?')
        expect(caseworker.locator("#transcript .msg-user").last).to_contain_text('<img src=x onerror="window.__pwned=1">hei?', timeout=TIMEOUT_MS)
        assert caseworker.evaluate("window.__pwned") is None
        assert caseworker.locator("#transcript img").count() == 0

        # 3. The Rasa server restarts mid-handoff: the ticket, the relay and the sessions are in Redis.
        restart(running_stack, "rasa")
        # While the caseworker writes, the young person sees that someone is writing, and not after.
        caseworker.locator("#reply-text").press_sequentially("Hei, jeg heter Kari.", delay=20)
        typing = young.locator("#ung-veileder .typing")
        expect(typing).to_be_visible(timeout=TIMEOUT_MS)
        expect(typing).to_contain_text("skriver")
        screenshot(young, "widget-caseworker-typing")
        caseworker.locator("#reply-text").fill("Hei, jeg heter Kari. Hva kan jeg hjelpe deg med?")
        caseworker.locator(".reply-button").click()
        expect(young_messages(young, "agent").last).to_contain_text("Kari", timeout=TIMEOUT_MS)
        expect(typing).to_be_hidden(timeout=TIMEOUT_MS)
        say(young, "jeg lurer på om jeg får borteboerstipend")
        expect(caseworker.locator("#transcript .msg-user").last).to_contain_text("borteboerstipend", timeout=TIMEOUT_MS)
        screenshot(caseworker, "console-ticket")
        screenshot(young, "widget-handoff")

        # 4. The caseworker hands back; 5. the bot answers the next question.
        caseworker.locator(".handback-button").click()
        expect(young.locator("#ung-veileder .message[data-kind=handback]")).to_be_visible(timeout=TIMEOUT_MS)
        bot_answers = young.locator("#ung-veileder .message[data-kind=answer]")
        before = bot_answers.count()
        say(young, "hvordan får jeg skattekort")
        expect(bot_answers).to_have_count(before + 1, timeout=TIMEOUT_MS)
        expect(bot_answers.last).to_contain_text("Skatteetaten")
        # The console ran the whole handoff under its CSP, with no script error.
        assert csp_violations(caseworker) == []
        assert caseworker_errors == []
    finally:
        young_context.close()
        caseworker_context.close()


def test_the_console_runs_its_modules_under_its_csp_with_no_errors(browser, running_stack):
    """The console page, its ES modules and the vendored lit load under the page's CSP, unchanged:
    no violation, no uncaught error and nothing in the browser console but the expected 401s (the
    page asks whether it is logged in, and a wrong password)."""
    add_caseworker(running_stack, "ola", "ungdomsveiledning", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = watch(page)
    logged: list[str] = []

    def on_console(message) -> None:
        expected_401 = "status of 401" in message.text and message.location.get("url", "").split("/api/")[-1] in ("me", "login")
        if message.type in ("error", "warning") and not expected_401:
            logged.append(f"{message.type}: {message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    try:
        response = page.goto(running_stack.config.urls()["console"])
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe" not in policy
        expect(page.locator("#login-view")).to_be_visible(timeout=TIMEOUT_MS)

        page.locator("#username").fill("ola")
        page.locator("#password").fill("feil-passord-som-er-langt")
        page.locator("#login-form button[type=submit]").click()
        expect(page.locator("#login-error")).not_to_be_empty(timeout=TIMEOUT_MS)

        page.locator("#password").fill(PASSWORD)
        page.locator("#login-form button[type=submit]").click()
        # What lit renders: the caseworker's teams in the header, and the queue's state.
        expect(page.locator("#me-teams .me-team")).to_have_text("Ungdomsveiledning", timeout=TIMEOUT_MS)
        expect(page.locator("#me-name")).to_have_text("Ola")
        expect(page.locator("#queue-heading")).to_be_focused()
        loaded = page.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")
        assert any(name.endswith("/static/lit.min.js") for name in loaded), loaded

        page.locator("#logout").click()
        expect(page.locator("#login-view")).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.locator("#me-teams .me-team")).to_have_count(0)

        assert csp_violations(page) == []
        assert errors == []
        assert logged == []
    finally:
        context.close()
