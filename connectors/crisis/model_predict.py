"""Crisis predictions from the trained Rasa model: the NLU pipeline, CrisisOverride included."""

from __future__ import annotations

import asyncio
from typing import Optional

from .detector import CrisisSignal

CRISIS_INTENT = "crisis"
CHECK_IN_INTENT = "check_in"


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
        intent = (parsed.get("intent") or {}).get("name")
        entities = {e["entity"]: e["value"] for e in parsed.get("entities") or []}
        if intent == CHECK_IN_INTENT:
            return CrisisSignal(entities.get("check_in_category", "suicide"), False, "model", level="check_in")
        if intent != CRISIS_INTENT:
            return None
        return CrisisSignal(
            entities.get("crisis_category", "suicide"),
            entities.get("crisis_subject") == "other",
            "model",
        )

    return predict
