"""The chat network's channels: every fact agrees with the catalogue, and opening hours are read
right at several times of the week (a frozen clock)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from common.catalogue import CATALOGUE_FILES, read_catalogue
from common.contact_channels import OSLO, ChannelsError, read_channels, reachable, status

CHANNELS = read_channels()
SERVICES = {s["id"]: s for s in read_catalogue(CATALOGUE_FILES).services}


def texts(value) -> list[str]:
    return [str(v) for v in value.values()] if isinstance(value, dict) else [str(value)] if value else []


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda c: f"{c.service}-{c.kind}")
def test_every_fact_is_quoted_from_the_catalogue(channel):
    service = SERVICES[channel.service]
    assert channel.checked == service["checked"]
    if channel.kind == "phone":
        assert any(channel.value in text for text in texts(service.get("phone")))
    else:
        assert channel.value == service.get("url")
    if channel.link is not None:
        assert channel.link == service.get("url")
    assert channel.source in " ".join(texts(service.get("hours")) + texts(service.get("phone")))
    for window in channel.windows:
        for minutes in (window.start, window.end):
            hour, minute = divmod(minutes, 60)
            wanted = {f"{hour:02d}:{minute:02d}"} if minute else {str(hour), f"{hour:02d}", f"{hour:02d}:00"}
            assert any(re.search(rf"(?<![\d:]){re.escape(w)}(?![\d:])", channel.source) for w in wanted), (channel.service, wanted)
    if channel.audience == "under_18":
        assert "under 18" in str(service.get("age"))
    if channel.audience == "over_18":
        assert "18 and over" in str(service.get("age"))


def test_hours_are_read_at_several_times_of_the_week():
    ros = next(c for c in CHANNELS if c.service == "ros")
    alarm_chat = next(c for c in CHANNELS if c.service == "alarmtelefonen" and c.kind == "chat")
    assert status(ros, datetime(2026, 11, 30, 13, 0, tzinfo=OSLO)).open is True  # Monday 09-15
    assert status(ros, datetime(2026, 11, 30, 16, 0, tzinfo=OSLO)).opens == datetime(2026, 11, 30, 17, 0, tzinfo=OSLO)
    assert status(ros, datetime(2026, 12, 4, 16, 0, tzinfo=OSLO)).opens == datetime(2026, 12, 7, 9, 0, tzinfo=OSLO)  # Friday -> Monday
    assert status(alarm_chat, datetime(2026, 12, 5, 23, 30, tzinfo=OSLO)).open is True  # Saturday to 23:45
    sunday_night = status(alarm_chat, datetime(2026, 12, 6, 23, 30, tzinfo=OSLO))
    assert sunday_night.open is False and sunday_night.opens == datetime(2026, 12, 7, 16, 15, tzinfo=OSLO)
    # An aware time in another zone is judged in Oslo: 12:00 UTC is 13:00 in Oslo in winter.
    from datetime import timezone
    assert status(ros, datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)).open is True


def test_unknown_hours_are_unknown_and_day_and_night_is_always_open():
    chat = next(c for c in CHANNELS if c.service == "mental-helse" and c.kind == "chat")
    phone = next(c for c in CHANNELS if c.service == "mental-helse" and c.kind == "phone")
    assert status(chat, datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)).open is None
    assert status(phone, datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)).open is True


def test_open_channels_come_first_the_service_asked_about_first_among_them():
    statuses = reachable(CHANNELS, datetime(2026, 11, 30, 13, 0, tzinfo=OSLO), services=["mental-helse", "ros"], first="ros")
    assert [(s.channel.service, s.open) for s in statuses][:2] == [("ros", True), ("mental-helse", True)]
    assert statuses[-1].open is None  # the chat with unknown hours last


def test_channels_for_the_other_age_group_are_left_out():
    night = datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)
    assert {s.channel.service for s in reachable(CHANNELS, night, services=["vo-linjen", "alarmtelefonen"], under_18=True)} == {"alarmtelefonen"}
    assert {s.channel.service for s in reachable(CHANNELS, night, services=["vo-linjen", "alarmtelefonen"], under_18=False)} == {"vo-linjen"}


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        status(CHANNELS[-1], datetime(2026, 12, 1, 3, 0))


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("[{days: mon-fri, from: '22:00', to: '14:00'}]", "end after it starts"),
        ("[{days: fri-mon, from: '14:00', to: '22:00'}]", "runs backwards"),
        ("[{days: someday, from: '14:00', to: '22:00'}]", "unknown days"),
        ("[{days: mon, from: '25:00', to: '26:00'}]", "outside the day"),
        ("'evenings'", "hours must be"),
    ],
)
def test_a_malformed_channel_is_refused_naming_it(tmp_path: Path, hours, message):
    path = tmp_path / "channels.yml"
    path.write_text(
        "channels:\n  - {service: ros, kind: chat, value: 'https://x', source: s, checked: dated,\n"
        f"     label: {{nb: a, nn: b, en: c}}, hours: {hours}}}\n", encoding="utf-8"
    )
    with pytest.raises(ChannelsError, match=message):
        read_channels(path)
