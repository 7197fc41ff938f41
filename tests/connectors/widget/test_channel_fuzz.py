"""Generated payloads (hypothesis) against the widget and REST channels: whatever arrives, the
answer is a 2xx or a clear 4xx with a JSON error, never a 500, and the server keeps working."""

from __future__ import annotations

import json

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectors.rest import GuardedRestInput
from connectors.widget.channel import WidgetInput
from support.bad_input import unreadable_bodies
from support.channels import serve_channel

# Text with every kind of code point, lone surrogates and NUL included (issue 16).
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=50)
# Ids that look right but for a trailing newline or NUL.
IDS = st.one_of(st.text(max_size=70), st.integers(), st.sampled_from(["c-00000001\n", "x" * 32 + "\n", "c-0000\x0001"]))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**60) | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
BODIES = st.one_of(
    st.binary(max_size=300),
    # deep nesting, huge integers (tests/data/bad_input.yml)
    st.sampled_from(sorted(unreadable_bodies().values())),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {},
        optional={
            "session": st.one_of(IDS, st.none()),
            "sender": st.one_of(st.text(max_size=140), st.integers()),
            "message": st.one_of(st.text(max_size=1200), ANY_TEXT, st.integers(), st.none(), st.lists(st.text(), max_size=2)),
            "client_id": IDS,
            "metadata": JSON_VALUES,
            "display": JSON_VALUES,
            "entry_id": st.one_of(st.text(max_size=90), st.integers()),
            "vote": st.sampled_from(["up", "down", "sideways", ""]),
            "message_id": JSON_VALUES,
        },
    ).map(lambda d: json.dumps(d).encode()),
)


async def echo_bot(message):
    await message.output_channel.send_response(message.sender_id, {"text": "ok", "custom": {"kind": "answer", "lang": "nb"}})


async def check(url: str, body: bytes) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=body) as response:
            assert response.status < 500, (url, body, response.status)
            reply = await response.json(content_type=None)
            if response.status >= 400:
                assert reply["error"]["code"] and reply["error"]["message"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=BODIES)
async def test_widget_endpoints_never_fail_with_a_500(make_channel, body):
    async with serve_channel(make_channel(), echo_bot) as base:
        for path in ("/message", "/feedback", "/delete", "/session"):
            await check(base + path, body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=BODIES)
async def test_rest_webhook_never_fails_with_a_500(body):
    async with serve_channel(GuardedRestInput(), echo_bot) as base:
        await check(base + "/webhook", body)
