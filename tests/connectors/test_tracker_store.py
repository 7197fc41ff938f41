"""The lean Redis tracker store writes exactly what Rasa's own Redis tracker store writes, for one
session and for several, against a real Redis."""

from __future__ import annotations

import json

import pytest
from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.tracker_store import LeanRedisTrackerStore, tracker_extends

DOMAIN = Domain.from_dict({"slots": {"lang": {"type": "text", "mappings": [{"type": "custom"}]}}})


def session_start(at: float) -> list:
    return [ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at + 0.001),
            ActionExecuted("action_listen", timestamp=at + 0.002)]


def turn(text: str, at: float) -> list:
    return [UserUttered(text, timestamp=at), SlotSet("lang", "nb", timestamp=at + 0.001),
            BotUttered(f"svar på {text}", timestamp=at + 0.002), ActionExecuted("action_listen", timestamp=at + 0.003)]


@pytest.fixture
def stores(redis_port, redis_db):
    def make(cls, prefix):
        store = cls(DOMAIN, host="127.0.0.1", port=redis_port, db=redis_db, record_exp=600, key_prefix=prefix)
        return store

    rasa, lean = make(RedisTrackerStore, "rasa"), make(LeanRedisTrackerStore, "lean")
    rasa.red.flushdb()
    return rasa, lean


def stored_events(store, sender: str) -> list[dict]:
    return json.loads(store.red.get(store.key_prefix + sender))["events"]


async def run_both(stores, sender: str, steps) -> None:
    """Apply the same steps to both stores: each step gets the retrieved tracker and adds events."""
    for store in stores:
        for step in steps:
            tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
            for event in step(tracker):
                tracker.update(event)
            await store.save(tracker)


async def test_one_session_is_stored_as_rasa_stores_it(stores):
    steps = [lambda t: session_start(1000.0) + turn("hei", 1001.0), lambda t: turn("takk", 1002.0), lambda t: turn("ha det", 1003.0)]
    await run_both(stores, "s1", steps)
    rasa, lean = stores
    assert stored_events(lean, "s1") == stored_events(rasa, "s1")
    assert len(stored_events(lean, "s1")) == 3 + 3 * 4
    assert 0 < lean.red.ttl(lean.key_prefix + "s1") <= 600


async def test_earlier_sessions_survive_a_save_of_the_latest_session(stores):
    steps = [
        lambda t: session_start(1000.0) + turn("hei", 1001.0),
        lambda t: session_start(5000.0) + turn("nå igjen", 5001.0),  # a new session an hour later
        lambda t: turn("takk", 5002.0),  # retrieve now returns only the latest session
    ]
    await run_both(stores, "s2", steps)
    rasa, lean = stores
    events = stored_events(lean, "s2")
    assert events == stored_events(rasa, "s2")
    assert [e["text"] for e in events if e["event"] == "user"] == ["hei", "nå igjen", "takk"]


async def test_a_tracker_that_does_not_extend_the_stored_one_is_merged_as_rasa_merges_it(stores):
    rasa, lean = stores
    for store in stores:
        tracker = DialogueStateTracker("s3", DOMAIN.slots)
        for event in session_start(1000.0) + turn("hei", 1001.0):
            tracker.update(event)
        await store.save(tracker)
        stale = await store.retrieve("s3")
        newer = await store.retrieve("s3")
        for event in turn("fra en annen instans", 1002.0):
            newer.update(event)
        await store.save(newer)
        for event in turn("sen", 1003.0):
            stale.update(event)
        await store.save(stale)
    assert stored_events(lean, "s3") == stored_events(rasa, "s3")


def test_tracker_extends():
    tracker = DialogueStateTracker("s", DOMAIN.slots)
    for event in session_start(1.0) + turn("hei", 2.0):
        tracker.update(event)
    whole = json.dumps({"events": [e.as_dict() for e in tracker.events]})
    first_part = json.dumps({"events": [e.as_dict() for e in list(tracker.events)[:3]]})
    other = json.dumps({"events": [e.as_dict() for e in session_start(1.0) + turn("noe annet", 2.5)]})
    two_sessions = json.dumps({"events": [e.as_dict() for e in session_start(0.1) + session_start(0.5)]})
    assert tracker_extends(whole, tracker) and tracker_extends(first_part, tracker)
    assert tracker_extends(json.dumps({"events": []}), tracker)
    assert not tracker_extends(other, tracker)
    assert not tracker_extends(two_sessions, tracker)
    assert not tracker_extends(b"not json", tracker)
