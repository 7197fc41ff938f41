"""The chat network as the bot's reply to "hvem kan jeg chatte med nå?" (`common.open_now`).

Lists who the young person can reach at this moment (`common.network`, from
`knowledge_base/contact_channels.yml`): open services first, the last answer's service first among
them, when the closed ones open, free and anonymous where the catalogue says so, and "sjekk
nettsiden" where its hours are uncertain or dated; then 113 for an emergency and a button to a
person here. A service the question names comes first when the knowledge base is sure of it
("kph chat åpen nå?"); without the knowledge base, the network is still given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Sequence

from common.contact_channels import OSLO, Channel, read_channels
from common.network import network_listing

from .replies import HUMAN_BUTTON, Reply

EMERGENCY = {
    "nb": "Er det akutt, ring 113.",
    "nn": "Er det akutt, ring 113.",
    "en": "In an emergency, call 113.",
}


class Network:
    """`channels` default to the project's file; `clock` (timezone-aware) is injected in tests."""

    def __init__(self, channels: Sequence[Channel] | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self._channels = list(read_channels() if channels is None else channels)
        self._clock = clock or (lambda: datetime.now(OSLO))

    def has(self, service: str) -> bool:
        """Does `service` have a channel in the network?"""
        return any(channel.service == service for channel in self._channels)

    def reply(self, lang: str, service: str | None, *, named: bool = False) -> Reply:
        """A `kind: network` reply in `lang`: `service` (the last answer's) first among the open
        ones, or, when the question `named` it, first whether open or not."""
        listing = network_listing(self._channels, self._clock(), lang, service, lead=named)
        text = f"{listing.text}\n\n{EMERGENCY[lang]}"
        return Reply(
            text=text,
            buttons=[{"title": HUMAN_BUTTON[lang], "payload": "/request_human"}],
            # the services listed, in the text's order (catalogue ids), for clients that link them
            custom={"kind": "network", "lang": lang, "services": listing.services},
        )
