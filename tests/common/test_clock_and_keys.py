"""The clock and the Redis key names both services rely on."""

from __future__ import annotations

import time

from common import redis_keys
from common.clock import now_ms


def test_now_is_whole_milliseconds_since_the_epoch():
    before = int(time.time() * 1000)
    now = now_ms()
    after = int(time.time() * 1000)
    assert isinstance(now, int)
    assert before <= now <= after


def test_the_key_names_the_widget_writes_and_the_knowledge_base_reads():
    # These names are in Redis on running systems: changing one loses data, so they are spelled out.
    assert redis_keys.transcript("abc") == "uv:widget:log:abc"
    assert redis_keys.transcript("abc").startswith(redis_keys.TRANSCRIPT_PREFIX)
    assert redis_keys.feedback_counts("nav-dagpenger") == "uv:feedback:nav-dagpenger"
    assert redis_keys.FEEDBACK_LOG == "uv:feedback:log"
    assert redis_keys.HANDOFF_LOG == "uv:insights:handoffs"
