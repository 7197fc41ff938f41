"""The compiled action-reply check refuses and accepts exactly what Rasa's own check does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from connectors import action_validation

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "lang", "value": "nn", "timestamp": None}], "responses": [{"text": "hei"}]},
    {"events": [{"event": "action", "name": "action_listen"}], "responses": [{"custom": {"kind": "answer"}}]},
    {},
]
INVALID = [
    {"events": "not a list", "responses": []},
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": [], "responses": ["a string, not an object"]},
    {"events": [{"event": "slot"}]},
]


def rasa_original(result: dict) -> bool:
    from jsonschema import validate

    validate(result, RemoteAction.action_response_format_spec())
    return True


@pytest.fixture
def compiled():
    return action_validation.compiled_result_check(RemoteAction.action_response_format_spec(), DOCS_BASE_URL)


@pytest.mark.parametrize("result", VALID)
def test_accepts_what_rasa_accepts(compiled, result):
    assert rasa_original(result)
    assert compiled(None, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_refuses_what_rasa_refuses_with_the_same_error(compiled, result):
    with pytest.raises(ValidationError) as original:
        rasa_original(result)
    with pytest.raises(ValidationError) as ours:
        compiled(None, result)
    assert ours.value.message.startswith(original.value.message)
    assert list(ours.value.absolute_path) == list(original.value.absolute_path)
    assert "Failed to validate Action server response" in ours.value.message


def test_install_replaces_the_method_once(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", lambda _self, _result: True)
    action_validation.install()
    installed = RemoteAction._validate_action_result
    assert getattr(installed, "_ung_veileder_compiled", False)
    action_validation.install()
    assert RemoteAction._validate_action_result is installed
    with pytest.raises(ValidationError):
        RemoteAction("action_answer_from_kb", None)._validate_action_result({"events": "x"})
