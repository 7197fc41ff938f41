"""The widget as a young person uses it, in real headless chromium."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
import urllib.error
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from connectors.language import count_markers
from support.browser import EXIT_URL, push_agent_message, redis_cli, screenshot

QUESTION = "hvordan søker jeg borteboerstipend"
# A phone, and 200 % zoom of a 1280x800 window (a 640x400 CSS-pixel viewport).
SMALL_SCREENS = [(360, 740, "phone-360"), (640, 400, "zoom-200")]
TIMEOUT_MS = 30_000


def open_widget(page, demo_url: str, query: str = "") -> None:
    page.goto(demo_url + query)
    page.locator("#ung-veileder button.launcher").click()
    expect(page.locator("#uv-panel")).to_be_visible()


def ask(page, text: str) -> None:
    page.locator("#uv-input").fill(text)
    page.locator("#uv-input").press("Enter")


def bot_messages(page):
    return page.locator("#ung-veileder .message[data-role=bot]")


def wait_for_bot_messages(page, count: int) -> None:
    expect(bot_messages(page)).to_have_count(count, timeout=TIMEOUT_MS)


@contextmanager
def sized_page(browser, width: int, height: int):
    """A page in a fresh browser context of `width` x `height` CSS pixels, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


def session_of(page) -> str | None:
    return page.evaluate("sessionStorage.getItem('ungveileder.session')")


def history_status(running_stack, session: str) -> int:
    base = running_stack.config.urls()["widget_demo"].rsplit("/", 1)[0]
    try:
        with urllib.request.urlopen(f"{base}/history?session={session}", timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def test_ask_pick_a_quick_reply_reload_and_leave_quickly(page, demo_url, running_stack):
    open_widget(page, demo_url)
    ask(page, QUESTION)
    wait_for_bot_messages(page, 1)
    quick_replies = page.locator("#ung-veileder button.quick-reply")
    expect(quick_replies.first).to_be_visible()
    quick_replies.first.click()
    wait_for_bot_messages(page, 2)
    answer = bot_messages(page).nth(1)
    expect(answer).to_have_attribute("data-kind", "answer")
    expect(answer).to_contain_text("Lånekassen")
    screenshot(page, "widget-answer")

    # The conversation survives a reload of the page (sessionStorage and the server's history).
    session = session_of(page)
    assert session and page.evaluate("Object.keys(localStorage).length") == 0
    page.reload()
    page.locator("#ung-veileder button.launcher").click()
    expect(page.locator("#ung-veileder .message[data-role=user]").first).to_contain_text(QUESTION)
    expect(bot_messages(page)).to_have_count(2)
    assert history_status(running_stack, session) == 200

    # Quick exit: the page is replaced at once and the conversation is gone, here and on the server.
    page.locator("#ung-veileder button.quick-exit").click()
    page.wait_for_url(f"{EXIT_URL}**")
    page.go_back()  # replace(): going back does not return to the chat page
    assert not page.url.startswith(demo_url)
    page.goto(demo_url)
    assert session_of(page) is None
    page.locator("#ung-veileder button.launcher").click()
    expect(page.locator("#ung-veileder .message")).to_have_count(0)
    for _ in range(50):
        if history_status(running_stack, session) == 404:
            break
        page.wait_for_timeout(100)
    assert history_status(running_stack, session) == 404


def assert_no_serious_violations(page) -> None:
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)[:3000]


def test_no_serious_or_critical_accessibility_violations(page, demo_url):
    open_widget(page, demo_url)
    ask(page, QUESTION)
    wait_for_bot_messages(page, 1)
    assert_no_serious_violations(page)
    screenshot(page, "widget-axe")


@pytest.mark.parametrize(("width", "height", "name"), SMALL_SCREENS)
def test_no_serious_accessibility_violations_on_small_and_zoomed_screens(browser, demo_url, width, height, name):
    with sized_page(browser, width, height) as page:
        open_widget(page, demo_url)
        ask(page, "jeg vil ikke leve lenger")
        wait_for_bot_messages(page, 1)
        assert_no_serious_violations(page)
        screenshot(page, f"widget-axe-{name}")


def test_keyboard_alone_opens_chats_and_closes(page, demo_url):
    page.goto(demo_url)
    launcher = page.locator("#ung-veileder button.launcher")
    for _ in range(15):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el.getRootNode().activeElement === el"):
            break
    else:
        pytest.fail("Tab never reached the launcher")
    page.keyboard.press("Enter")
    expect(page.locator("#uv-input")).to_be_focused()
    page.keyboard.type("hei")
    page.keyboard.press("Enter")
    wait_for_bot_messages(page, 1)
    page.keyboard.press("Escape")
    expect(page.locator("#uv-panel")).to_be_hidden()
    expect(launcher).to_be_focused()


@pytest.mark.parametrize(("width", "height", "name"), SMALL_SCREENS)
def test_small_screens_and_200_percent_zoom_do_not_overflow(browser, demo_url, width, height, name):
    with sized_page(browser, width, height) as page:
        open_widget(page, demo_url)
        ask(page, "hei")
        wait_for_bot_messages(page, 1)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        for selector in ("#uv-panel", "#uv-input", "#ung-veileder button.send-button", "#ung-veileder button.quick-exit"):
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, selector
        screenshot(page, f"widget-{name}")


def test_html_in_a_message_is_shown_as_text_and_never_run(page, demo_url):
    open_widget(page, demo_url)
    ask(page, '<img src=x onerror="window.__xss=1"><b>fet</b>')
    wait_for_bot_messages(page, 1)
    user = page.locator("#ung-veileder .message[data-role=user]").first
    expect(user).to_contain_text('<b>fet</b>')
    assert page.evaluate("window.__xss") is None
    assert page.locator("#ung-veileder .message img, #ung-veileder .message b").count() == 0


def test_too_long_and_flooding_get_a_friendly_error(page, demo_url):
    open_widget(page, demo_url)
    ask(page, "x" * 1001)
    expect(page.locator("#ung-veileder .alert")).to_contain_text("1000")
    expect(page.locator("#ung-veileder .message")).to_have_count(0)

    def flood(route):
        route.fulfill(status=429, headers={"Retry-After": "5", "Content-Type": "application/json"},
                      body=json.dumps({"error": {"code": "rate_limited", "message": "too many"}}))

    page.route("**/webhooks/widget/message", flood)
    ask(page, "hei")
    expect(page.locator("#ung-veileder .alert")).to_contain_text(re.compile("mange meldinger|vent", re.I))


def test_a_network_loss_loses_and_duplicates_nothing(page, demo_url):
    open_widget(page, demo_url)
    ask(page, "hei")
    wait_for_bot_messages(page, 1)
    page.context.set_offline(True)
    ask(page, "hvordan får jeg skattekort")
    expect(page.locator("#ung-veileder .message[data-role=user]").nth(1)).to_have_attribute(
        "data-status", re.compile("retrying|sending"), timeout=10_000
    )
    page.wait_for_timeout(1500)
    page.context.set_offline(False)
    wait_for_bot_messages(page, 2)
    page.wait_for_timeout(2500)  # let the stream reconnect and history sync settle
    users = page.locator("#ung-veileder .message[data-role=user]")
    expect(users).to_have_count(2)
    expect(bot_messages(page)).to_have_count(2)
    ids = page.locator("#ung-veileder .message[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    assert len(ids) == len(set(ids)) == 4


def test_a_pushed_message_arrives_live_with_an_unread_badge(page, demo_url, running_stack):
    open_widget(page, demo_url)
    ask(page, "hei")
    wait_for_bot_messages(page, 1)
    page.locator("#ung-veileder button.close-button").click()
    push_agent_message(running_stack, session_of(page), "Hei, jeg heter Kari og jobber her.")
    badge = page.locator("#ung-veileder .badge")
    expect(badge).to_have_text("1", timeout=TIMEOUT_MS)
    page.locator("#ung-veileder button.launcher").click()
    expect(page.locator("#ung-veileder .message[data-role=agent]")).to_contain_text("Kari")
    expect(badge).to_be_hidden()


def test_feedback_on_an_answer_is_stored_with_its_entry(page, demo_url, running_stack):
    open_widget(page, demo_url)
    ask(page, "hvordan får jeg skattekort")
    wait_for_bot_messages(page, 1)
    answer = page.locator("#ung-veileder .message[data-kind=answer]").first
    expect(answer).to_be_visible()
    entry_id = page.evaluate(
        "JSON.parse(sessionStorage.getItem('ungveileder.messages')).find(m => m.custom && m.custom.kind === 'answer').custom.entry_id"
    )
    before = int(redis_cli(running_stack, "HGET", f"uv:feedback:{entry_id}", "up") or 0)
    answer.locator("button.feedback-up").click()
    expect(answer.locator("button.feedback-up")).to_have_attribute("aria-pressed", "true")
    for _ in range(50):
        if int(redis_cli(running_stack, "HGET", f"uv:feedback:{entry_id}", "up") or 0) == before + 1:
            break
        page.wait_for_timeout(100)
    assert int(redis_cli(running_stack, "HGET", f"uv:feedback:{entry_id}", "up") or 0) == before + 1


def test_delete_my_conversation_removes_it_on_the_server(page, demo_url, running_stack):
    open_widget(page, demo_url)
    ask(page, "hei")
    wait_for_bot_messages(page, 1)
    session = session_of(page)
    page.locator("#ung-veileder button.delete-button").click()
    page.locator("#ung-veileder button.confirm-delete").click()
    expect(page.locator("#ung-veileder .message")).to_have_count(0)
    assert history_status(running_stack, session) == 404
    assert redis_cli(running_stack, "EXISTS", f"uv:tracker:{session}") == "0"


def test_nynorsk_question_gets_the_nynorsk_answer_in_the_widget(page, demo_url):
    open_widget(page, demo_url)
    ask(page, "korleis søkjer eg stipend")
    wait_for_bot_messages(page, 1)
    first = bot_messages(page).first
    if first.get_attribute("data-kind") == "clarify":
        page.locator("#ung-veileder button.quick-reply").first.click()
        wait_for_bot_messages(page, 2)
    answer = page.locator("#ung-veileder .message[data-kind=answer]").first
    expect(answer).to_be_visible()
    counts = count_markers(answer.locator(".text").inner_text())
    assert counts.nynorsk > counts.bokmal
    # The widget's own texts follow the conversation into nynorsk.
    expect(page.locator("#uv-panel")).to_have_attribute("lang", "nn")
    expect(page.locator("#ung-veileder button.quick-exit")).to_have_text("Forlat sida raskt")
    screenshot(page, "widget-nynorsk")


def test_a_sad_sign_gets_a_check_in_and_a_typed_yes_opens_a_handoff(page, demo_url):
    """The `check_in` kind in the widget: shown with its buttons; a typed "ja" does what the button does."""
    open_widget(page, demo_url)
    ask(page, "😢")
    wait_for_bot_messages(page, 1)
    check_in = bot_messages(page).first
    expect(check_in).to_have_attribute("data-kind", "check_in")
    expect(check_in).to_contain_text("116 123")
    expect(page.locator("#ung-veileder button.quick-reply").first).to_be_visible()
    screenshot(page, "widget-check-in")
    ask(page, "ja")
    expect(page.locator("#ung-veileder .message[data-kind=crisis]")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator("#ung-veileder .message[data-kind=handoff]")).to_be_visible(timeout=TIMEOUT_MS)


def test_phone_numbers_in_the_crisis_answer_can_be_tapped_to_call(page, demo_url):
    """No dead ends on a phone: every helpline number in bot text is a `tel:` link, built as an
    element; times and ages ("kl. 14-22") stay text."""
    open_widget(page, demo_url)
    ask(page, "jeg vil ikke leve lenger")
    wait_for_bot_messages(page, 1)
    crisis = bot_messages(page).first
    expect(crisis).to_have_attribute("data-kind", "crisis")
    hrefs = crisis.locator("a[href^='tel:']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert set(hrefs) == {"tel:113", "tel:116123", "tel:80033321", "tel:116111"}
    assert crisis.locator("a[href='tel:116123']").first.inner_text() == "116 123"
    expect(crisis).to_contain_text("kl. 14-22")
    screenshot(page, "widget-crisis-tel-links")


def test_a_long_new_answer_is_shown_from_its_start_at_200_percent_zoom(browser, demo_url):
    # 200 % zoom of a 1280x800 window: the crisis answer is taller than the message area.
    with sized_page(browser, 640, 400) as page:
        open_widget(page, demo_url)
        ask(page, "jeg vil ikke leve lenger")
        wait_for_bot_messages(page, 1)
        answer = bot_messages(page).first
        log_box = page.locator("#ung-veileder .log").bounding_box()
        answer_box = answer.bounding_box()
        assert answer_box["height"] > log_box["height"]  # longer than the screen shows at once
        assert log_box["y"] - 1 <= answer_box["y"] <= log_box["y"] + 40  # its first line is in view
        screenshot(page, "widget-long-answer-from-start")


def test_escape_twice_leaves_the_page_quickly_and_once_only_closes(page, demo_url):
    open_widget(page, demo_url)
    ask(page, "hei")
    wait_for_bot_messages(page, 1)
    page.keyboard.press("Escape")
    expect(page.locator("#uv-panel")).to_be_hidden()
    assert page.url.startswith(demo_url)
    page.wait_for_timeout(1000)  # a second Esc later than 0.8 s is just an Esc
    page.keyboard.press("Escape")
    assert page.url.startswith(demo_url)
    page.locator("#ung-veileder button.launcher").click()
    expect(page.locator("#uv-panel")).to_be_visible()
    page.locator("#uv-input").focus()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{EXIT_URL}**")


def test_the_pickup_code_stands_on_its_own_line_with_a_copy_button(page, demo_url, running_stack):
    from datetime import datetime

    from common import redis_keys
    from common.contact_channels import OSLO, read_channels
    from common.network import network_text
    from connectors.handoff.service import text

    code = "K7P2-9QX3"
    open_widget(page, demo_url)
    ask(page, "hei")
    wait_for_bot_messages(page, 1)
    closed = {
        "role": "bot", "text": text(
            "offline", "nb", team="Ungdomsveiledning", hours="hverdager 09-15", code=code,
            network=network_text(read_channels(), datetime(2026, 12, 1, 3, 0, tzinfo=OSLO), "nb"),
        ),
        "buttons": [], "custom": {"kind": "handoff", "live": False, "pickup": code, "lang": "nb"},
    }
    redis_cli(running_stack, "XADD", redis_keys.transcript(session_of(page)), "*", "m", json.dumps(closed))
    message = page.locator("#ung-veileder .message[data-kind=handoff]")
    expect(message).to_contain_text(code, timeout=TIMEOUT_MS)
    assert f"\n{code}\n" in message.locator(".text").inner_text()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    message.locator("button.copy-code").click()
    expect(message.locator("button.copy-code")).to_have_text("Koden er kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == code
    screenshot(page, "widget-pickup-code")


@pytest.mark.parametrize(("width", "height", "name"), SMALL_SCREENS)
def test_on_small_and_zoomed_screens_the_answer_and_the_input_box_are_both_in_view(browser, demo_url, width, height, name):
    with sized_page(browser, width, height) as page:
        open_widget(page, demo_url)
        ask(page, "jeg vil ikke leve lenger")
        wait_for_bot_messages(page, 1)
        header = page.locator("#ung-veileder .header").bounding_box()
        log = page.locator("#ung-veileder .log").bounding_box()
        answer = bot_messages(page).first.bounding_box()
        composer = page.locator("#uv-input").bounding_box()
        assert header["height"] <= 0.3 * height, header  # compact: at most 30 % of the screen
        assert log["y"] - 1 <= answer["y"] < log["y"] + log["height"] - 40  # the answer's first lines show
        assert composer["y"] + composer["height"] <= height + 0.5  # and the input box is on screen
        screenshot(page, f"widget-compact-{name}")
