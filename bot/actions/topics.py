"""Menu topics and topic groups (topics.yml): which services belong together.

`Topics.load()` reads the file once; `topic(id)` gives a menu topic or None;
`related(service_a, service_b)` is True when the two services share a topic or group, which is
what keeps a clarify's options from one plausible topic; and `named_in(words)` is the one topic a
list of words names (its `words`), or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML  # comes with rasa-sdk

TOPICS_FILE = Path(__file__).with_name("topics.yml")


@dataclass(frozen=True)
class Topic:
    id: str
    title: dict[str, str]
    query: str
    services: tuple[str, ...]
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Topics:
    topics: dict[str, Topic]
    groups: tuple[frozenset[str], ...]

    @classmethod
    def load(cls, path: Path = TOPICS_FILE) -> "Topics":
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        topics = {
            key: Topic(
                key, dict(value["title"]), str(value["query"]), tuple(value["services"]),
                # the title's words name the topic too, as typed from the menu ("jobb og penger")
                frozenset(str(word) for word in value.get("words") or ())
                | frozenset(word.lower() for title in value["title"].values() for word in str(title).split()),
            )
            for key, value in data["topics"].items()
        }
        groups = [frozenset(t.services) for t in topics.values()]
        groups += [frozenset(services) for services in (data.get("groups") or {}).values()]
        return cls(topics, tuple(groups))

    def topic(self, topic_id: object) -> Topic | None:
        return self.topics.get(topic_id) if isinstance(topic_id, str) else None

    def named_in(self, words: list[str]) -> Topic | None:
        """The topic every one of `words` belongs to ("school", "skole lekser", a title's words);
        None for no words, a word of no topic, or words of two topics."""
        return next((t for t in self.topics.values() if words and all(w in t.words for w in words)), None)

    def related(self, service_a: str, service_b: str) -> bool:
        return service_a == service_b or any(
            service_a in group and service_b in group for group in self.groups
        )


@lru_cache(maxsize=1)
def default_topics() -> Topics:
    return Topics.load()
