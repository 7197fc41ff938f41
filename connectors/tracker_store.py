"""Rasa's Redis tracker store without the re-read on every save.

Rasa 3.6's `RedisTrackerStore.save` reads the stored conversation back, rebuilds every event as an
object and merges it with the tracker being saved. The merge exists for one case: `retrieve` hands
out only the latest conversation session, so saving that alone would drop the earlier sessions.
Profiled under `make loadtest`, that re-read and merge was about an eighth of Rasa's CPU per
message.

`LeanRedisTrackerStore.save` checks the stored JSON instead (no event objects): when it holds one
session whose events the tracker being saved begins with, the tracker is written as it is. In
every other case (earlier sessions, or a tracker that does not extend what is stored) Rasa's own
save runs, merge included. Same keys, same JSON, same expiry (`record_exp`).

Configured in bot/endpoints.yml as `type: connectors.tracker_store.LeanRedisTrackerStore`.
"""

from __future__ import annotations

import json
from typing import Optional

from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.trackers import DialogueStateTracker


def tracker_extends(stored: str | bytes, tracker: DialogueStateTracker) -> bool:
    """True when `stored` (a serialised tracker) is one session and `tracker` starts with all of
    its events, so writing `tracker` loses nothing."""
    try:
        events = json.loads(stored).get("events") or []
    except (ValueError, AttributeError):
        return False
    sessions = sum(
        1 for event in events if event.get("event") == "action" and event.get("name") == ACTION_SESSION_START_NAME
    )
    if sessions > 1 or len(tracker.events) < len(events):
        return False
    if not events:
        return True
    last_stored = events[-1]
    candidate = tracker.events[len(events) - 1]
    return candidate.timestamp == last_stored.get("timestamp") and candidate.as_dict().get("event") == last_stored.get("event")


class LeanRedisTrackerStore(RedisTrackerStore):
    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        key = self.key_prefix + tracker.sender_id
        stored = self.red.get(key)
        if stored is not None and not tracker_extends(stored, tracker):
            await super().save(tracker, timeout)
            return
        await self.stream_events(tracker)
        self.red.set(key, self.serialise_tracker(tracker), ex=timeout or self.record_exp)
