"""A handoff end to end in two chromium pages: a young person in the widget, a caseworker in the
console; the Rasa server is restarted in the middle, and nothing is lost."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import EXIT_URL, restart, screenshot
from support.processes import add_caseworker

PASSWORD = "riktig-hest-batteri-stift"
TIMEOUT_MS = 30_000


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
    finally:
        young_context.close()
        caseworker_context.close()
