"""Widget channel tests: the channel in a real Sanic 21.12 server, against a real Redis."""

from __future__ import annotations

import pytest

from connectors.widget.channel import WidgetInput
from connectors.widget.config import RedisConnection, WidgetConfig
from connectors.widget.store import WidgetStore


@pytest.fixture
def widget_config(redis_port, redis_db):
    return WidgetConfig(
        redis=RedisConnection(host="127.0.0.1", port=redis_port, db=redis_db),
        ttl_seconds=600,
        reply_timeout_seconds=5.0,
        stream_block_seconds=0.5,
    )


@pytest.fixture
async def store(widget_config):
    store = WidgetStore.connect(widget_config)
    await store._redis.flushdb()
    yield store
    await store.close()


@pytest.fixture
def make_channel(widget_config, store):
    def make(config: WidgetConfig | None = None, widget_store: WidgetStore | None = None) -> WidgetInput:
        return WidgetInput(config or widget_config, widget_store or store)

    return make
