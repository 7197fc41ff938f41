"""Faults: the young person always gets an answer or a helpful fallback, and nothing stored is
lost, when Redis restarts mid-conversation (AOF on), and when one of two Rasa instances behind a
round-robin (sharing the Redis tracker and lock stores) is killed."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from dataclasses import replace

import pytest

from support.processes import add_caseworker, redis_cli, stack

pytestmark = pytest.mark.e2e


def post_json(url: str, body: dict, timeout: float = 30) -> tuple[int, object]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def get_json(url: str) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_info_logs_carry_no_message_text(running_stack):
    """What young people write never reaches a log file at INFO level (the stack's default)."""
    urls = running_stack.config.urls()
    widget = urls["widget_demo"].rsplit("/", 1)[0]
    marker = "zebrakode4711"
    post_json(urls["rest"], {"sender": "fault-logs", "message": f"hvordan får jeg skattekort {marker}"})
    _, created = post_json(widget + "/session", {})
    post_json(widget + "/message", {"session": created["session"], "message": f"jeg vil ikke leve {marker}", "client_id": "fault-logs-1"})
    post_json(widget + "/message", {"session": created["session"], "message": f"kva er frikort {marker}", "client_id": "fault-logs-2"})
    time.sleep(1)
    logs = sorted(running_stack.logs.glob("*.log"))
    assert logs
    for path in logs:
        assert marker not in path.read_text(errors="replace"), path.name


def wait_until(predicate, seconds: float = 120, step: float = 0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(step)
    raise AssertionError("timed out")


def restart_redis(running_stack, down_for: float = 0.0, while_down=None) -> None:
    redis = running_stack.redis
    redis.stop()
    if while_down:
        while_down()
    time.sleep(down_for)
    redis.start()
    wait_until(lambda: stack.port_in_use(running_stack.redis_settings.port), 15, 0.1)


def test_a_redis_restart_mid_conversation_loses_nothing(running_stack):
    urls = running_stack.config.urls()
    widget = urls["widget_demo"].rsplit("/", 1)[0]
    # A nynorsk conversation over REST (the language is in the tracker) and one in the widget.
    status, replies = post_json(urls["rest"], {"sender": "fault-redis", "message": "korleis søkjer eg stipend"})
    assert status == 200 and replies[0]["custom"]["lang"] == "nn"
    _, created = post_json(widget + "/session", {})
    session = created["session"]
    status, sent = post_json(widget + "/message", {"session": session, "message": "hvordan får jeg skattekort", "client_id": "fault-0001"})
    assert status == 200
    # A second young person is handed to a person: the ticket must survive too.
    add_caseworker(running_stack, "fault-kari", "ungdomsveiledning", "a-long-enough-password-1")
    _, other = post_json(widget + "/session", {})
    _, handoff = post_json(widget + "/message", {"session": other["session"], "message": "/confirm_handoff", "client_id": "fault-0002"})
    ticket = handoff["messages"][0]["custom"]["ticket"]

    outage = {}

    def while_down():
        # Redis is gone: a question still gets a helpful fallback, a crisis the crisis answer.
        outage["question"] = post_json(urls["rest"], {"sender": "fault-redis-2", "message": "hva er frikort"})
        outage["crisis"] = post_json(urls["rest"], {"sender": "fault-redis-3", "message": "jeg vil ikke leve lenger"})

    restart_redis(running_stack, while_down=while_down)
    status, replies = outage["question"]
    assert status == 200 and replies and replies[0]["custom"]["kind"] in ("fallback", "answer", "clarify")
    status, replies = outage["crisis"]
    assert status == 200 and replies[0]["custom"]["kind"] == "crisis"

    # After the restart (AOF): the tracker still knows the language, the transcript is there.
    def answered_in_nynorsk():
        status, replies = post_json(urls["rest"], {"sender": "fault-redis", "message": "takk"})
        return status == 200 and replies and replies[0]["custom"]["lang"] == "nn" and "Berre hyggeleg" in replies[0]["text"]

    wait_until(answered_in_nynorsk, 60, 1)
    status, history = get_json(f"{widget}/history?session={session}")
    assert status == 200
    assert [m["text"] for m in history["messages"]][0] == "hvordan får jeg skattekort"
    assert history["messages"][1]["id"] == sent["messages"][0]["id"]
    assert redis_cli(running_stack, "HGET", f"uv:handoff:ticket:{ticket}", "status") == "queued"
    # ...and the young person's next message still reaches the caseworker's ticket.
    status, relayed = post_json(widget + "/message", {"session": other["session"], "message": "hallo?", "client_id": "fault-0003"})
    assert status == 200 and relayed["relayed"] == ticket


def second_rasa(running_stack, port: int) -> stack.Process:
    first = running_stack.processes["rasa"]
    argv = list(first.argv)
    argv[argv.index("--port") + 1] = str(port)
    health = first.health_url.replace(f":{running_stack.config.ports['rasa']}/", f":{port}/")
    process = replace(first, name="rasa-2", argv=argv, health_url=health, popen=None,
                      log_path=first.log_path.with_name("rasa-2.log"))
    process.start()
    wait_until(process.healthy, 300, 1)
    return process


def test_one_of_two_rasa_instances_killed_behind_a_round_robin(running_stack):
    rest = running_stack.config.urls()["rest"]
    port = stack.free_port()
    other = second_rasa(running_stack, port)
    other_rest = rest.replace(f":{running_stack.config.ports['rasa']}/", f":{port}/")
    backends = [rest, other_rest]
    turn = 0

    def round_robin(message: str, sender: str) -> list[dict]:
        """The simplest balancer: next backend in turn, the other one when it does not answer."""
        nonlocal turn
        for attempt in range(len(backends)):
            url = backends[(turn + attempt) % len(backends)]
            try:
                status, replies = post_json(url, {"sender": sender, "message": message}, timeout=30)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                continue
            if status == 200:
                turn += 1
                return replies
        raise AssertionError(f"no backend answered {message!r}")

    try:
        first = round_robin("how do I get a tax card", "fault-rr")
        assert first[0]["custom"]["lang"] == "en"
        second = round_robin("thanks", "fault-rr")  # the other instance: the shared tracker knows the language
        assert second[0]["custom"]["lang"] == "en"
        os.killpg(running_stack.processes["rasa"].popen.pid, signal.SIGKILL)  # killed, no clean shutdown
        for message in ("hi", "how do I get a tax card", "I want to talk to a person"):
            replies = round_robin(message, "fault-rr")
            assert replies and all(r["custom"]["lang"] == "en" for r in replies), replies
    finally:
        other.stop()
