"""The ticket queue: priority order, the claim race, transfer, the disconnect sweep, the relay and
hand-back, all against a real Redis."""

from __future__ import annotations

import asyncio
import json

import pytest

from connectors.errors import ForbiddenError, TicketError


async def open_ticket(tickets, session="s" * 32, team="nav", priority="normal", now=1_000_000):
    return await tickets.create(session=session, team=team, service="nav", lang="nb", priority=priority, offline=False, now=now)


async def test_the_queue_is_urgent_first_then_oldest(tickets):
    old = await open_ticket(tickets, session="a" * 32, now=1_000)
    new = await open_ticket(tickets, session="b" * 32, now=2_000)
    urgent = await open_ticket(tickets, session="c" * 32, priority="urgent", now=3_000)
    other_team = await open_ticket(tickets, session="d" * 32, team="skole", priority="urgent", now=500)
    assert [t.id for t in await tickets.queue(["nav"])] == [urgent.id, old.id, new.id]
    assert [t.id for t in await tickets.queue(["nav", "skole"])] == [other_team.id, urgent.id, old.id, new.id]
    assert await tickets.position(new) == 2


async def test_expired_tickets_leave_the_queue_and_the_claimed_set(tickets, redis_client):
    kept = await open_ticket(tickets, session="a" * 32, now=1_000)
    gone = await open_ticket(tickets, session="b" * 32, now=2_000)
    claimed_gone = await open_ticket(tickets, session="c" * 32, now=3_000)
    await tickets.claim(claimed_gone.id, "kari", ["nav"], now=4_000)
    await redis_client.delete(f"uv:handoff:ticket:{gone.id}", f"uv:handoff:ticket:{claimed_gone.id}")  # as EXPIRE would
    assert [t.id for t in await tickets.queue(["nav"])] == [kept.id]
    assert await redis_client.zrange("uv:handoff:queue:nav", 0, -1) == [kept.id]
    assert await tickets.claimed_by("kari") == []
    assert await tickets.sweep(release_after_ms=1, now=10_000) == []
    assert await redis_client.smembers("uv:handoff:claimed") == set()


async def test_exactly_one_of_many_simultaneous_claims_wins(tickets):
    ticket = await open_ticket(tickets)
    results = await asyncio.gather(
        *(tickets.claim(ticket.id, f"worker{n}", ["nav"]) for n in range(20)), return_exceptions=True
    )
    winners = [r for r in results if not isinstance(r, Exception)]
    losers = [r for r in results if isinstance(r, TicketError)]
    assert len(winners) == 1 and len(losers) == 19
    assert all(error.code == "already_claimed" for error in losers)
    stored = await tickets.get(ticket.id)
    assert stored.status == "claimed" and stored.claimed_by == winners[0].claimed_by
    assert await tickets.queue(["nav"]) == []


async def test_a_caseworker_cannot_claim_another_teams_ticket(tickets):
    ticket = await open_ticket(tickets, team="skole")
    with pytest.raises(ForbiddenError) as error:
        await tickets.claim(ticket.id, "kari", ["nav"])
    assert (error.value.status, error.value.code) == (403, "forbidden")
    assert (await tickets.get(ticket.id)).status == "queued"


async def test_transfer_moves_the_ticket_to_the_other_teams_queue_with_a_note(tickets):
    ticket = await open_ticket(tickets)
    await tickets.claim(ticket.id, "kari", ["nav"])
    moved = await tickets.transfer(ticket.id, "kari", "skole", "Gjelder lærlingplass")
    assert (moved.team, moved.status, moved.claimed_by) == ("skole", "queued", "")
    assert [t.id for t in await tickets.queue(["skole"])] == [ticket.id]
    assert await tickets.queue(["nav"]) == []
    assert "Gjelder lærlingplass" in (await tickets.notes(ticket.id))[0]["text"]
    await tickets.claim(ticket.id, "per", ["skole"])
    with pytest.raises(TicketError) as error:
        await tickets.transfer(ticket.id, "ola", "nav", "")  # not someone else's claim
    assert error.value.code == "not_yours"
    assert (await tickets.get(ticket.id)).claimed_by == "per"


async def test_a_claimed_ticket_returns_to_the_queue_when_its_caseworker_is_gone(tickets):
    ticket = await open_ticket(tickets)
    await tickets.heartbeat("kari", ["nav"], now=10_000)
    await tickets.claim(ticket.id, "kari", ["nav"], now=10_000)
    assert await tickets.sweep(release_after_ms=60_000, now=60_000) == []  # 50 s: still there
    await tickets.heartbeat("kari", ["nav"], now=60_000)
    assert await tickets.sweep(release_after_ms=60_000, now=110_000) == []
    assert await tickets.sweep(release_after_ms=60_000, now=130_000) == [ticket.id]
    back = await tickets.get(ticket.id)
    assert (back.status, back.claimed_by) == ("queued", "")
    assert [t.id for t in await tickets.queue(["nav"])] == [ticket.id]
    assert (await tickets.events(ticket.id))[-1]["event"] == "released_on_disconnect"


async def test_an_old_unclaimed_urgent_ticket_is_flagged(tickets):
    ticket = await open_ticket(tickets, priority="urgent", now=1_000)
    assert ticket.to_json(now=61_000, urgent_alert_ms=120_000)["overdue"] is False
    assert ticket.to_json(now=200_000, urgent_alert_ms=120_000)["overdue"] is True
    normal = await open_ticket(tickets, session="n" * 32, now=1_000)
    assert normal.to_json(now=200_000, urgent_alert_ms=120_000)["overdue"] is False


def user(text: str) -> dict:
    return {"role": "user", "text": text, "buttons": [], "custom": {}, "ts": 1}


async def test_messages_are_relayed_while_the_ticket_is_open(tickets, redis_client):
    session = "r" * 32
    assert await tickets.relay(session, user("hei")) is None
    ticket = await open_ticket(tickets, session=session)
    ticket_id, message_id = await tickets.relay(session, user("er det noen der?"))
    assert ticket_id == ticket.id
    [(stored_id, fields)] = await redis_client.xrange(f"uv:widget:log:{session}")
    assert stored_id == message_id and json.loads(fields["m"])["text"] == "er det noen der?"


async def test_hand_back_refuses_while_an_unread_message_waits_and_then_ends_the_relay(tickets, redis_client):
    session = "h" * 32
    ticket = await open_ticket(tickets, session=session)
    await tickets.claim(ticket.id, "kari", ["nav"])
    _, seen = await tickets.relay(session, user("takk for hjelpen"))
    _, unread = await tickets.relay(session, user("en ting til!"))
    ticket = await tickets.get(ticket.id)
    closing = {"role": "bot", "text": "Nå svarer chatboten igjen.", "custom": {"kind": "handback"}}
    with pytest.raises(TicketError) as error:
        await tickets.close(ticket, "kari", "handed_back", seen=seen, closing_message=closing)
    assert error.value.code == "new_message"
    assert await tickets.relay(session, user("hallo?")) is not None  # still handed off

    last_id = (await redis_client.xrevrange(f"uv:widget:log:{session}", count=1))[0][0]
    closing_id = await tickets.close(ticket, "kari", "handed_back", seen=last_id, closing_message=closing)
    assert closing_id
    assert await tickets.relay(session, user("hvordan får jeg skattekort")) is None  # back to the bot
    closed = await tickets.get(ticket.id)
    assert (closed.status, closed.outcome) == ("closed", "handed_back")
    assert await redis_client.ttl(f"uv:handoff:ticket:{ticket.id}") <= 600


async def test_only_the_claimer_can_close(tickets):
    ticket = await open_ticket(tickets)
    await tickets.claim(ticket.id, "kari", ["nav"])
    with pytest.raises(TicketError):
        await tickets.close(await tickets.get(ticket.id), "ola", "answered")


async def test_withdrawing_closes_the_ticket_and_empties_the_queue(tickets):
    session = "w" * 32
    ticket = await open_ticket(tickets, session=session)
    assert await tickets.withdraw(session) == ticket.id
    assert await tickets.queue(["nav"]) == []
    gone = await tickets.get(ticket.id)
    assert (gone.status, gone.outcome, gone.session) == ("closed", "deleted", "")
    assert await tickets.by_pickup(ticket.pickup) is None


async def test_a_ticket_made_urgent_while_claimed_goes_back_ahead_of_older_ones(tickets):
    older = await open_ticket(tickets, session="a" * 32, now=1_000)
    ticket = await open_ticket(tickets, session="b" * 32, now=2_000)
    claimed = await tickets.claim(ticket.id, "kari", ["nav"], now=3_000)
    await tickets.raise_priority(claimed)  # a crisis while the caseworker had it
    assert await tickets.release(ticket.id, expected_user="kari", now=4_000)
    assert [t.id for t in await tickets.queue(["nav"])] == [ticket.id, older.id]
    assert await tickets.position(await tickets.get(ticket.id)) == 0
    transferred = await tickets.transfer(older.id, "", "skole", "")
    assert [t.id for t in await tickets.queue(["skole"])] == [transferred.id]


async def test_a_ticket_nobody_claims_in_time_goes_to_the_default_team_urgent_first(tickets):
    from common.clock import now_ms

    old = now_ms() - 20 * 60 * 1000
    normal = await tickets.create(session="n" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False, now=old)
    urgent = await tickets.create(session="u" * 32, team="skole", service="lanekassen", lang="nb", priority="urgent", offline=False, now=old + 1000)
    fresh = await tickets.create(session="f" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False)
    claimed = await tickets.create(session="c" * 32, team="nav", service="nav", lang="nb", priority="normal", offline=False, now=old)
    await tickets.claim(claimed.id, "kari", ["nav"])
    moved = await tickets.escalate(["nav", "skole", "ungdomsveiledning"], "ungdomsveiledning", 10 * 60 * 1000)
    assert moved == [urgent.id, normal.id]  # urgent first; the fresh and the claimed one stay
    assert [t.id for t in await tickets.queue(["ungdomsveiledning"])] == [urgent.id, normal.id]
    assert [t.id for t in await tickets.queue(["nav"])] == [fresh.id]
    assert (await tickets.events(urgent.id))[-1]["event"] == "escalated"
    assert await tickets.escalate(["nav", "skole"], "ungdomsveiledning", 10 * 60 * 1000) == []  # once
