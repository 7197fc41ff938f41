"""Learning-from-use data the widget writes expires after INSIGHTS_RETENTION_DAYS (checked in Redis)."""

from __future__ import annotations

import dataclasses
import time

import pytest

from connectors.widget.config import WidgetConfig
from connectors.widget.store import WidgetStore

DAY_MS = 24 * 3600 * 1000


@pytest.fixture
async def short_store(widget_config):
    store = WidgetStore.connect(dataclasses.replace(widget_config, insights_retention_days=2))
    await store.client.flushdb()
    yield store
    await store.close()


def test_the_retention_comes_from_the_environment():
    assert WidgetConfig.from_settings({}, env={"INSIGHTS_RETENTION_DAYS": "30"}).insights_retention_days == 30
    assert WidgetConfig.from_settings({}, env={}).insights_retention_days == 90


async def test_feedback_counts_expire_after_the_retention(short_store):
    await short_store.record_feedback("s" * 32, "skattekort", "up", "nb", "hvordan får jeg skattekort")
    ttl = await short_store.client.ttl("uv:feedback:skattekort")
    assert 2 * 24 * 3600 - 60 < ttl <= 2 * 24 * 3600


@pytest.mark.parametrize("stream, write", [
    ("uv:feedback:log", lambda store: store.record_feedback("s" * 32, "skattekort", "down", "nb", "skattekort?")),
    ("uv:insights:handoffs", lambda store: store.record_handoff("nav", "nav", "normal", "trenger hjelp")),
])
async def test_log_rows_older_than_the_retention_are_trimmed_on_the_next_write(short_store, stream, write):
    now = int(time.time() * 1000)
    too_old, kept = now - 3 * DAY_MS, now - 1 * DAY_MS
    await short_store.client.xadd(stream, {"question": "gammel"}, id=f"{too_old}-0")
    await short_store.client.xadd(stream, {"question": "nyere"}, id=f"{kept}-0")
    await write(short_store)
    questions = [row["question"] for _, row in await short_store.client.xrange(stream)]
    assert "gammel" not in questions
    assert "nyere" in questions and len(questions) == 2
