"""What happens when the bot hands a conversation to a person, in one place for every channel.

The bot decides (a `kind: handoff` message, after the young person confirmed); this service opens
the ticket, says honestly what happens next in the young person's language (the wait, or that
nobody is at work and how to read the answer later), relays their messages to the caseworker, and
answers a pickup code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Sequence

import yaml

from common.contact_channels import OSLO, Channel, read_channels

from ..errors import StoreUnavailableError
from ..transcript import TranscriptMessage
from .accounts import staffed_teams
from .config import HandoffConfig
from common.network import network_text
from .teams import Team, Teams
from .tickets import Ticket, TicketStore

MESSAGES_FILE = Path(__file__).with_name("messages.yml")
LANGS = ("nb", "nn", "en")
PICKUP_CODE = re.compile(r"^\s*([A-Za-z2-9]{4})-?([A-Za-z2-9]{4})\s*$")


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def text(key: str, lang: str, **values: Any) -> str:
    table = messages()[key]
    return table.get(lang, table["nb"]).format(**values)


def unavailable_message(lang: str) -> TranscriptMessage:
    """When no ticket can be opened (Redis down, or a channel without a live relay)."""
    lang = lang if lang in LANGS else "nb"
    return TranscriptMessage.bot(text("unavailable", lang), {"kind": "referral", "reason": "handoff_unavailable", "lang": lang})


def pickup_code(text_: str) -> str | None:
    match = PICKUP_CODE.match(text_)
    return f"{match.group(1)}-{match.group(2)}".upper() if match else None


@dataclass(frozen=True)
class HandoffStarted:
    """The ticket opened (None when no team has a caseworker: the message gives the network)."""

    ticket: Ticket | None
    message: TranscriptMessage


class HandoffService:
    """`channels` is the chat network (default: `knowledge_base/contact_channels.yml`); `clock`
    gives the time it is judged at (timezone-aware; injected in tests)."""

    def __init__(
        self, store: TicketStore, teams: Teams, config: HandoffConfig,
        channels: Sequence[Channel] | None = None, clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.teams = teams
        self.config = config
        self.channels = list(read_channels() if channels is None else channels)
        self.clock = clock or (lambda: datetime.now(OSLO))

    def network(self, lang: str, service: str | None) -> str:
        """Who the young person can reach now, the service they asked about first."""
        return network_text(self.channels, self.clock(), lang, service or None)

    async def team_is_available(self, team_id: str) -> bool:
        team = self.teams.get(team_id)
        if team is None or not team.is_open(self.teams.now()):
            return False
        return await self.store.online_count(team_id, self.config.online_window_seconds * 1000) > 0

    async def route(self, service: str | None) -> Team | None:
        """The team a new ticket goes to: the service's team if it has caseworker accounts and is
        open now, else the default team if it has accounts and is open; else the first of the two
        that has accounts (closed: the young person gets a pickup code); None when neither has
        any account (nobody would ever read the ticket)."""
        wanted = self.teams.team_for_service(service)
        default = self.teams.get(self.teams.default_team)
        candidates = [wanted] + ([default] if default is not None and default.id != wanted.id else [])
        staffed = await staffed_teams(self.store.client)
        with_accounts = [team for team in candidates if team.id in staffed]
        now = self.teams.now()
        return next((team for team in with_accounts if team.is_open(now)), with_accounts[0] if with_accounts else None)

    async def start(self, session: str, *, lang: str, service: str | None, urgent: bool) -> HandoffStarted:
        lang = lang if lang in LANGS else "nb"
        existing = await self.store.active_ticket(session)
        team = self.teams.get(existing.team) if existing else await self.route(service)
        if team is None:
            # No caseworker anywhere: no ticket that nobody would read; who can be reached now.
            said = text("no_caseworkers", lang, network=self.network(lang, service))
            return HandoffStarted(None, TranscriptMessage.bot(said, {"kind": "referral", "reason": "no_caseworkers", "lang": lang}))
        available = await self.team_is_available(team.id)
        ticket = existing or await self.store.create(
            session=session, team=team.id, service=service or "", lang=lang,
            priority="urgent" if urgent else "normal", offline=not available,
        )
        if urgent and ticket.priority != "urgent":
            await self.store.raise_priority(ticket)
            ticket = await self.store.get(ticket.id) or ticket
        if available:
            position = await self.store.position(ticket) + 1
            said = text("live", lang, team=team.name, position=position, minutes=max(2, position * self.config.minutes_per_ticket))
        else:
            said = text(
                "offline", lang, team=team.name, hours=team.hours_text(), code=ticket.pickup,
                network=self.network(lang, service),
            )
        custom = {
            "kind": "handoff", "ticket": ticket.id, "priority": ticket.priority, "team": team.id,
            "lang": lang, "live": available,
        }
        if not available:
            custom["pickup"] = ticket.pickup
        return HandoffStarted(ticket, TranscriptMessage.bot(said, custom))

    async def relay(self, session: str, message: TranscriptMessage) -> tuple[str, str] | None:
        """(ticket id, the message's stream id) when the session is handed off, else None."""
        return await self.store.relay(session, message)

    async def acknowledgement(
        self, ticket_id: str, transcript: Callable[[], Awaitable[list[TranscriptMessage]]],
    ) -> TranscriptMessage | None:
        """What to tell a young person who wrote while waiting for a person (`transcript()` reads
        the conversation, which ends with that message): that it arrived, who reads it and when,
        as a `kind: waiting` message. Once per gap: None when the last thing said to them was
        already this, or when a caseworker has the ticket (they are reading along; the transcript
        is then not read at all)."""
        ticket = await self.store.get(ticket_id)
        if ticket is None or ticket.status != "queued":
            return None
        said_last = next((m for m in reversed(await transcript()) if m.role != "user"), None)
        if said_last is not None and said_last.custom.get("kind") == "waiting":
            return None
        team = self.teams.get(ticket.team)
        name = team.name if team else ticket.team
        lang = ticket.lang if ticket.lang in LANGS else "nb"
        custom: dict[str, Any] = {"kind": "waiting", "ticket": ticket.id, "lang": lang, "live": not ticket.offline}
        if ticket.offline:
            hours = team.hours_text() if team else ""
            return TranscriptMessage.bot(text("waiting_offline", lang, team=name, hours=hours, code=ticket.pickup), custom)
        position = await self.store.position(ticket) + 1
        minutes = max(2, position * self.config.minutes_per_ticket)
        return TranscriptMessage.bot(text("waiting", lang, team=name, minutes=minutes), custom)

    async def pickup(self, code: str, lang: str, transcript: list[TranscriptMessage]) -> list[TranscriptMessage] | None:
        """The caseworker's answers for a pickup code (from the ticket's `transcript`), to append
        to the asking conversation; None when the code is unknown."""
        ticket = await self.store.by_pickup(code)
        if ticket is None:
            return None
        replies = [m for m in transcript if m.role == "agent"]
        if not replies:
            return [TranscriptMessage.bot(text("pickup_waiting", lang), {"kind": "pickup", "ticket": ticket.id, "lang": lang})]
        intro = TranscriptMessage.bot(text("pickup_answer", lang), {"kind": "pickup", "ticket": ticket.id, "lang": lang})
        return [intro, *(reply.copied() for reply in replies)]

    async def urgent_if_crisis(self, ticket_id: str) -> None:
        ticket = await self.store.get(ticket_id)
        if ticket is not None:
            await self.store.raise_priority(ticket)


async def safely(operation):
    """Run a store operation; None when Redis is down (the caller falls back)."""
    try:
        return await operation
    except StoreUnavailableError:
        return None
