"""Browser tests: the widget in Debian's headless chromium, driven by Playwright, against the
whole stack (`scripts/stack.py`, as `make run` starts it) with a real Redis."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from support.browser import CHROMIUM, CHROMIUM_ARGS, EXIT_URL
from support.processes import add_caseworker, start_test_stack


ALWAYS_OPEN_TEAMS = """\
default_team: ungdomsveiledning
teams:
  - {id: ungdomsveiledning, name: Ungdomsveiledning, directorates: [bufdir, ngo, kommune, justis], hours: {mon-sun: "00:00-23:59:59"}}
  - {id: skatt, name: Skatteteamet, directorates: [skatteetaten], hours: {mon-sun: "00:00-23:59:59"}}
"""


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory):
    # Teams that are always open, so the handoff tests do not depend on the time of day.
    teams_file = tmp_path_factory.mktemp("teams") / "teams.yml"
    teams_file.write_text(ALWAYS_OPEN_TEAMS)
    os.environ["HANDOFF_TEAMS_FILE"] = str(teams_file)
    started = start_test_stack(tmp_path_factory.mktemp("stack"))
    # A ticket goes only to a team with a caseworker account: one for the default team, so the
    # widget's handoffs open a ticket whatever order the tests run in.
    add_caseworker(started, "vakt", "ungdomsveiledning", "vakt-passord-som-er-langt")
    yield started
    started.stop()


@pytest.fixture(scope="session")
def demo_url(running_stack) -> str:
    return running_stack.config.urls()["widget_demo"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nb-NO")
    context.route(
        f"{EXIT_URL}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<html lang='nb'><title>Været</title><body>Været</body></html>"),
    )
    opened = context.new_page()
    yield opened
    context.close()
