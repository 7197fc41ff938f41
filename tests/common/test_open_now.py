"""Asking who can be reached now, told apart from a request for a person and from other questions."""

from __future__ import annotations

import pytest

from common.open_now import asks_who_is_open


@pytest.mark.parametrize(
    "text",
    [
        "hvilke chatter er åpne nå?",
        "hvem kan jeg ringe akkurat nå",
        "kven kan eg chatte med no",
        "er det nokon hjelpetelefonar som er opne i kveld",
        "who can i chat with right now",
        "any helplines open tonight?",
        "is there any chat open this late",
    ],
)
def test_asking_who_is_open_now(text):
    assert asks_who_is_open(text)


@pytest.mark.parametrize(
    "text",
    [
        "kan jeg snakke med noen nå?",  # a request for a person here
        "jeg vil snakke med en voksen",
        "når er de åpne?",  # about the last answer's service
        "hvem kan jeg snakke med om mobbing",
        "who can i talk to, no one listens",
        "yes pls",
        "",
    ],
)
def test_other_messages_are_not(text):
    assert not asks_who_is_open(text)
