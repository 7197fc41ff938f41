"""The after-start warm-up runs the NLU on a message per language and never raises."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from connectors.warm_up import WARM_UP_TEXTS, warm_up_agent


class RecordingAgent:
    def __init__(self, ready: bool = True, fail: bool = False) -> None:
        self.parsed: list[str] = []
        self._ready = ready
        self._fail = fail

    def is_ready(self) -> bool:
        return self._ready

    async def parse_message(self, text: str) -> dict:
        if self._fail:
            raise RuntimeError("model exploded")
        self.parsed.append(text)
        return {"text": text}


def app_with(agent) -> SimpleNamespace:
    return SimpleNamespace(ctx=SimpleNamespace(agent=agent))


def test_parses_one_message_per_language():
    agent = RecordingAgent()
    asyncio.run(warm_up_agent(app_with(agent)))
    assert agent.parsed == list(WARM_UP_TEXTS)
    assert len(WARM_UP_TEXTS) >= 3


def test_an_agent_that_is_not_ready_is_left_alone():
    agent = RecordingAgent(ready=False)
    asyncio.run(warm_up_agent(app_with(agent)))
    assert agent.parsed == []
    asyncio.run(warm_up_agent(app_with(None)))


def test_a_failing_model_does_not_stop_the_server(caplog):
    asyncio.run(warm_up_agent(app_with(RecordingAgent(fail=True))))
    assert "warm-up failed" in caplog.text
