"""The shared body reader: every unreadable body is one 4xx code, unstorable text is repaired."""

from __future__ import annotations

import json

import pytest

from common.jsonbody import MAX_DEPTH, BodyError, clean_text, parse_json_object
from support.bad_input import unreadable_bodies, unstorable_texts


@pytest.mark.parametrize("name", sorted(unreadable_bodies()))
def test_every_unreadable_body_is_malformed_json(name):
    with pytest.raises(BodyError) as caught:
        parse_json_object(unreadable_bodies()[name], max_bytes=64 * 1024)
    assert caught.value.code == "malformed_json"


@pytest.mark.parametrize("raw", [b"not json", b"\xff\xfe", b"[1, 2]", b'"text"', b"", b"null"])
def test_not_an_object_is_malformed_json(raw):
    with pytest.raises(BodyError) as caught:
        parse_json_object(raw, max_bytes=1024)
    assert caught.value.code == "malformed_json"


def test_over_the_limit_is_refused_before_parsing():
    with pytest.raises(BodyError) as caught:
        parse_json_object(b"[" * 2000, max_bytes=1000)
    assert caught.value.code == "payload_too_large"


def test_nesting_up_to_the_limit_is_read():
    raw = ('{"a":' * (MAX_DEPTH - 1) + "1" + "}" * (MAX_DEPTH - 1)).encode()
    assert parse_json_object(raw, max_bytes=4096)["a"]


def test_brackets_inside_strings_do_not_count_as_nesting():
    raw = json.dumps({"message": "[" * 500 + '\\" {{{'}).encode()
    assert parse_json_object(raw, max_bytes=4096)["message"].startswith("[[[")


def test_an_empty_body_may_be_allowed():
    assert parse_json_object(b"  ", max_bytes=10, allow_empty=True) == {}


@pytest.mark.parametrize("name", sorted(unstorable_texts()))
def test_unstorable_text_is_repaired_everywhere_in_the_object(name):
    text = unstorable_texts()[name]
    raw = json.dumps({"message": text, text: [text, {"k": text}]}).encode()
    data = parse_json_object(raw, max_bytes=4096)
    for value in (data["message"], *data.keys(), data[clean_text(text)][0], data[clean_text(text)][1]["k"]):
        value.encode("utf-8")  # storable: no lone surrogate left
        assert "\x00" not in value


def test_a_lone_surrogate_becomes_the_replacement_character():
    assert clean_text("hei \ud83d") == "hei \ufffd"
    assert clean_text("hei \U0001f600") == "hei \U0001f600"  # a real emoji is kept
