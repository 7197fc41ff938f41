"""Crisis predictions from the trained Rasa model: the NLU pipeline, CrisisOverride included."""

from __future__ import annotations

import asyncio
from typing import Optional

from .detector import CrisisSignal

CRISIS_INTENT = "crisis"


def load_model_predictor(model_path: str):
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Rasa's debug events carry the message text: evaluation output must not echo it.
    configure_structlog(logging.WARNING)

    agent = Agent.load(model_path)
    loop = asyncio.new_event_loop()

    def predict(text: str) -> Optional[CrisisSignal]:
        parsed = loop.run_until_complete(agent.parse_message(text))
        if (parsed.get("intent") or {}).get("name") != CRISIS_INTENT:
            return None
        entities = {e["entity"]: e["value"] for e in parsed.get("entities") or []}
        return CrisisSignal(
            entities.get("crisis_category", "suicide"),
            entities.get("crisis_subject") == "other",
            "model",
        )

    return predict
