"""The chat network: which services a young person can reach now, and when the others open.

`knowledge_base/contact_channels.yml` holds each service's phone and chat channels with opening
hours in machine-readable form, every fact quoted from the catalogue (a test holds the two
together). `read_channels(path)` reads it into `Channel` records; `status(channel, at)` says
whether a channel is open at a moment (`at` is a timezone-aware datetime; hours are Europe/Oslo
local time), and when it opens next if not; `reachable(channels, at, ...)` orders what fits for a
young person: open channels first, the service asked about first among them, then the ones
opening soonest. Holidays are not known to the catalogue, so they are not modelled.

`common/network.py` puts it in words for the handoff and the bot; PyYAML is in both environments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterable, Sequence
from zoneinfo import ZoneInfo

from common.weekdays import parse_days
from common.yaml_file import read_list_file

CHANNELS_FILE = Path(__file__).resolve().parents[1] / "knowledge_base" / "contact_channels.yml"
OSLO = ZoneInfo("Europe/Oslo")
KINDS = ("phone", "chat", "sms")
AUDIENCES = ("everyone", "under_18", "over_18")
LANGS = ("nb", "nn", "en")


class ChannelsError(ValueError):
    """The channels file cannot be read or holds a malformed channel; the message says which."""


@dataclass(frozen=True)
class Window:
    """Open on `days` (0 = Monday) from `start` to `end` minutes after midnight (end <= 1440)."""

    days: frozenset[int]
    start: int
    end: int


@dataclass(frozen=True)
class Channel:
    service: str
    kind: str  # phone | chat | sms
    value: str  # the phone number or the chat's link
    label: dict[str, str]  # nb, nn, en
    always: bool  # open day and night
    windows: tuple[Window, ...]  # empty and not `always`: the hours are not known
    free: bool | None
    anonymous: bool | None
    audience: str  # everyone | under_18 | over_18
    uncertain: bool  # the catalogue says the hours are uncertain or differ
    checked: str
    source: str  # the catalogue's text the channel was read from
    link: str | None = None  # the service's website, for "sjekk nettsiden"

    @property
    def web(self) -> str | None:
        """Where to check the hours: the chat's own link, else the service's website."""
        return self.value if self.value.startswith("http") else self.link

    @property
    def check_site(self) -> bool:
        """The hours may be wrong (uncertain, or from a dated source): say "sjekk nettsiden"."""
        return self.uncertain or self.checked in ("dated", "uncertain")

    @property
    def hours_known(self) -> bool:
        return self.always or bool(self.windows)


@dataclass(frozen=True)
class Status:
    channel: Channel
    open: bool | None  # None when the hours are not known
    opens: datetime | None  # the next opening (Europe/Oslo), when closed and known


def _days(spec: Any, where: str) -> frozenset[int]:
    try:
        return parse_days(spec)
    except ValueError as exc:
        raise ChannelsError(f"{where}: {exc}") from None


def _minutes(value: Any, where: str) -> int:
    hours, _, minutes = str(value).partition(":")
    try:
        total = int(hours) * 60 + int(minutes or 0)
    except ValueError:
        raise ChannelsError(f"{where}: time {value!r} is not HH:MM") from None
    if not 0 <= total <= 24 * 60:
        raise ChannelsError(f"{where}: time {value!r} is outside the day")
    return total


def _channel(raw: dict[str, Any], position: int, path: Path) -> Channel:
    where = f"{path.name}: channel #{position} ({raw.get('service', '?')})"
    for field in ("service", "kind", "value", "source", "checked", "label"):
        if not raw.get(field):
            raise ChannelsError(f"{where}: field {field!r} is missing")
    if raw["kind"] not in KINDS:
        raise ChannelsError(f"{where}: kind {raw['kind']!r} is not one of {KINDS}")
    audience = raw.get("for", "everyone")
    if audience not in AUDIENCES:
        raise ChannelsError(f"{where}: for {audience!r} is not one of {AUDIENCES}")
    label = raw["label"]
    if not isinstance(label, dict) or any(not label.get(lang) for lang in LANGS):
        raise ChannelsError(f"{where}: label needs nb, nn and en")
    hours = raw.get("hours")
    always = hours == "24/7"
    windows: list[Window] = []
    if hours is not None and not always:
        if not isinstance(hours, list) or not hours:
            raise ChannelsError(f"{where}: hours must be '24/7' or a list of {{days, from, to}}")
        for window in hours:
            start, end = _minutes(window.get("from"), where), _minutes(window.get("to"), where)
            if end <= start:
                raise ChannelsError(f"{where}: a window must end after it starts")
            windows.append(Window(_days(window.get("days"), where), start, end))
    return Channel(
        service=str(raw["service"]), kind=str(raw["kind"]), value=str(raw["value"]),
        label={lang: str(label[lang]) for lang in LANGS}, always=always, windows=tuple(windows),
        free=raw.get("free"), anonymous=raw.get("anonymous"), audience=audience,
        uncertain=bool(raw.get("uncertain", False)), checked=str(raw["checked"]), source=str(raw["source"]),
        link=str(raw["link"]) if raw.get("link") else None,
    )


def read_channels(path: Path = CHANNELS_FILE) -> list[Channel]:
    """Every channel in the file, in file order. Raises ChannelsError naming the file and the channel."""
    data = read_list_file(path, "channels", "channels", ChannelsError)
    return [_channel(raw, position, path) for position, raw in enumerate(data["channels"], start=1)]


def _local(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("`at` must be timezone-aware")
    return at.astimezone(OSLO)


def status(channel: Channel, at: datetime) -> Status:
    """Whether `channel` is open at `at`, and if not, when it opens next (within a week)."""
    if channel.always:
        return Status(channel, True, None)
    if not channel.windows:
        return Status(channel, None, None)
    local = _local(at)
    minute = local.hour * 60 + local.minute
    day = local.weekday()
    if any(day in w.days and w.start <= minute < w.end for w in channel.windows):
        return Status(channel, True, None)
    for ahead in range(0, 8):
        candidates = sorted(
            w.start for w in channel.windows
            if (day + ahead) % 7 in w.days and (ahead > 0 or w.start > minute)
        )
        if candidates:
            date = local.date() + timedelta(days=ahead)
            opens = datetime.combine(date, time(candidates[0] // 60, candidates[0] % 60), tzinfo=OSLO)
            return Status(channel, False, opens)
    return Status(channel, False, None)


def reachable(
    channels: Iterable[Channel], at: datetime, *, services: Sequence[str], first: str | None = None,
    under_18: bool | None = None,
) -> list[Status]:
    """The channels of `services` (in that order of fit), with `first` (the service asked about)
    ahead of the rest: open ones first, then those opening soonest, then those with unknown hours.
    `under_18` leaves out channels meant for the other age group (None: keep both)."""
    rank = {service: position for position, service in enumerate(services)}
    if first is not None:
        rank[first] = -1
    picked = [
        c for c in channels
        if c.service in rank and not (
            (under_18 is True and c.audience == "over_18") or (under_18 is False and c.audience == "under_18")
        )
    ]
    statuses = [status(c, at) for c in picked]
    far = datetime.max.replace(tzinfo=OSLO)

    def order(s: Status) -> tuple[int, datetime, int]:
        state = 0 if s.open else 1 if s.opens is not None else 2
        return state, s.opens or far, rank[s.channel.service]

    return sorted(statuses, key=order)
