"""Warm the NLU pipeline once the server has started, so the first young person after a deploy or
a restart does not pay for TensorFlow's first-call tracing (about 0.4 s here).

Only `Agent.parse_message` runs: no tracker is created or stored, nothing is sent anywhere.
"""

from __future__ import annotations

import logging
import time
from typing import Any

logger = logging.getLogger(__name__)

# One short message per language the pipeline tells apart.
WARM_UP_TEXTS = ("hei", "korleis søkjer eg stipend", "how do I get a tax card")


async def warm_up_agent(app: Any, _loop: Any = None) -> None:
    """Sanic `after_server_start` listener. Never raises: a failed warm-up only costs latency."""
    agent = getattr(app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return
    started = time.perf_counter()
    try:
        for text in WARM_UP_TEXTS:
            await agent.parse_message(text)
    except Exception:  # noqa: BLE001 - any model error shows up again, with context, on real traffic
        logger.warning("NLU warm-up failed", exc_info=True)
        return
    logger.info("NLU warmed up in %.0f ms", (time.perf_counter() - started) * 1000)
