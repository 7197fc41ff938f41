"""The chat network in words: who a young person can reach now.

Both the handoff (when no caseworker is at work, `connectors/handoff/service.py`) and the bot's
answer to "hvem kan jeg chatte med nå?" (`bot/actions/network.py`) use it.

`network_text(channels, at, lang, service)` lists up to `MAX_SERVICES` services, one line each:
the service the conversation was about first (when it has a channel), then the general listening
services for young people. Open ones come first, then those opening soonest; each line says how
to reach it (a number or a link), whether it is open now or when it opens, whether it is free
and anonymous, and "sjekk nettsiden" with the link where the catalogue's hours are uncertain or
dated. Facts come only from `knowledge_base/contact_channels.yml` (`common.contact_channels`).
`network_listing` gives both the text and the catalogue ids of the services listed, in the same
order, from one ordering (the bot's `network` payload carries the ids for clients that link them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

from common.contact_channels import OSLO, Channel, Status, reachable

# Listening services for any worry, most fitting for young people first (the catalogue's ages).
GENERAL = ("kors-pa-halsen", "alarmtelefonen", "mental-helse", "kirkens-sos")
MAX_SERVICES = 5

WORDS = {
    "nb": {
        "intro": "Disse kan du kontakte:", "call": "ring {value}", "chat": "chat på {value}",
        "always": "åpent hele døgnet", "open": "åpent nå", "opens": "åpner {when}",
        "unknown": "sjekk åpningstidene på {web}", "check": "sjekk {web}", "check_here": "tidene kan ha endret seg, sjekk nettsiden",
        "free_anonymous": "gratis og anonymt", "free": "gratis", "anonymous": "anonymt",
        "today": "kl. {time}", "tomorrow": "i morgen kl. {time}", "day": "{day} kl. {time}",
        "days": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    },
    "nn": {
        "intro": "Desse kan du kontakte:", "call": "ring {value}", "chat": "chat på {value}",
        "always": "ope heile døgnet", "open": "ope no", "opens": "opnar {when}",
        "unknown": "sjekk opningstidene på {web}", "check": "sjekk {web}", "check_here": "tidene kan ha endra seg, sjekk nettsida",
        "free_anonymous": "gratis og anonymt", "free": "gratis", "anonymous": "anonymt",
        "today": "kl. {time}", "tomorrow": "i morgon kl. {time}", "day": "{day} kl. {time}",
        "days": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "søndag"),
    },
    "en": {
        "intro": "You can contact:", "call": "call {value}", "chat": "chat at {value}",
        "always": "open day and night", "open": "open now", "opens": "opens {when}",
        "unknown": "check the opening hours at {web}", "check": "check {web}", "check_here": "the hours may have changed, check the website",
        "free_anonymous": "free and anonymous", "free": "free", "anonymous": "anonymous",
        "today": "at {time}", "tomorrow": "tomorrow at {time}", "day": "on {day} at {time}",
        "days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    },
}


def _when(opens: datetime, at: datetime, words: dict) -> str:
    local_at = at.astimezone(OSLO)
    clock = opens.strftime("%H:%M")
    if opens.date() == local_at.date():
        return words["today"].format(time=clock)
    if opens.date() == local_at.date() + timedelta(days=1):
        return words["tomorrow"].format(time=clock)
    return words["day"].format(day=words["days"][opens.weekday()], time=clock)


def _line(status: Status, at: datetime, lang: str) -> str:
    words = WORDS[lang]
    channel: Channel = status.channel
    reach = words["call" if channel.kind == "phone" else "chat"].format(value=channel.value)
    if status.open is None:
        return f"• {channel.label[lang]}: {words['unknown'].format(web=channel.web or channel.value)}"
    if status.open:
        state = words["always"] if channel.always else words["open"]
    elif status.opens is not None:
        state = words["opens"].format(when=_when(status.opens, at, words))
    else:
        state = words["unknown"].format(web=channel.web or channel.value)
    parts = [reach, state]
    if channel.free and channel.anonymous:
        parts.append(words["free_anonymous"])
    elif channel.free:
        parts.append(words["free"])
    elif channel.anonymous:
        parts.append(words["anonymous"])
    if channel.check_site and channel.web and not channel.always:
        # The hours may be out of date: the link, unless the line already is it.
        parts.append(words["check_here"] if channel.web == channel.value else words["check"].format(web=channel.web))
    return f"• {channel.label[lang]}: " + ", ".join(parts)


def _listed(channels: Sequence[Channel], at: datetime, service: str | None, lead: bool) -> list:
    """The statuses the network lists at `at`: one per service (its best channel), at most
    `MAX_SERVICES`, in the order `network_text` gives them."""
    order = ([service] if service else []) + [s for s in GENERAL if s != service]
    statuses = reachable(channels, at, services=order, first=service)
    if lead and service:
        statuses = [s for s in statuses if s.channel.service == service] + [s for s in statuses if s.channel.service != service]
    seen: set[str] = set()
    listed = []
    for status in statuses:
        if status.channel.service in seen:
            continue
        seen.add(status.channel.service)
        listed.append(status)
        if len(listed) == MAX_SERVICES:
            break
    return listed


@dataclass(frozen=True)
class Listing:
    """The network as one reply shows it: `text` (an intro line, then one line per service) and
    `services` (their catalogue ids, in the text's order)."""

    text: str
    services: list[str]


def network_listing(
    channels: Sequence[Channel], at: datetime, lang: str, service: str | None = None, *, lead: bool = False,
) -> Listing:
    """The network for `lang` ("nb", "nn" or "en") at `at` (timezone-aware), with the service the
    conversation was about first among the open ones (or, with `lead`, the service the question
    named, open or not). One line per service, its best channel; the order is computed once."""
    lang = lang if lang in WORDS else "nb"
    listed = _listed(channels, at, service, lead)
    lines = [_line(status, at, lang) for status in listed]
    return Listing("\n".join([WORDS[lang]["intro"], *lines]), [status.channel.service for status in listed])


def network_text(
    channels: Sequence[Channel], at: datetime, lang: str, service: str | None = None, *, lead: bool = False,
) -> str:
    """`network_listing(...).text`: what the handoff says when no caseworker is at work."""
    return network_listing(channels, at, lang, service, lead=lead).text

