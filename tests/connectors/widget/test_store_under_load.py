"""Under a burst the Rasa event loop is busy with the NLU for seconds at a time (TensorFlow runs on
the loop). Redis calls that started before such a stall must not time out because of it: a session
handed out as "created without the store" is refused as unknown on its first message."""

from __future__ import annotations

import asyncio
import time

from connectors.widget.store import WidgetStore


async def test_sessions_created_during_a_busy_event_loop_exist(widget_config):
    store = WidgetStore.connect(widget_config)  # a fresh pool: every concurrent call opens a connection
    try:
        async def busy_loop() -> None:
            await asyncio.sleep(0)
            time.sleep(3.0)  # the NLU of a burst of messages, all on this loop

        created = await asyncio.gather(*(store.create_session() for _ in range(20)), busy_loop())
        sessions = created[:-1]
        assert all([await store.session_exists(session) for session in sessions])
    finally:
        await store.close()
