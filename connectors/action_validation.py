"""Rasa 3.6 checks every action server reply with `jsonschema.validate()`, which first validates
the (constant) response schema against the draft 2020-12 meta-schema, on every call. Profiled
under `make loadtest`, that meta-schema check was about a third of the Rasa process's CPU per
message. `install()` replaces the check with a validator compiled once: the same schema, the same
`best_match` error and the same message Rasa adds, so a malformed reply is still refused.

The channels call `install()` when Rasa imports them (connectors/rest.py), so it applies to every
`rasa run` that serves our channels, in the local stack and in the Docker image alike.
"""

from __future__ import annotations

from typing import Any, Callable

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

_MARKER = "_ung_veileder_compiled"


def compiled_result_check(schema: dict[str, Any], docs_url: str) -> Callable[[Any, dict[str, Any]], bool]:
    """A drop-in `RemoteAction._validate_action_result` for `schema`, checked once here."""
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(_action: Any, result: dict[str, Any]) -> bool:
        error = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {docs_url}/custom-actions"
        )
        raise error

    setattr(validate_action_result, _MARKER, True)
    return validate_action_result


def install() -> None:
    """Idempotent; a later Rasa without the static schema method is left as it is."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if getattr(RemoteAction._validate_action_result, _MARKER, False):
        return
    spec = getattr(RemoteAction, "action_response_format_spec", None)
    if spec is None:
        return
    RemoteAction._validate_action_result = compiled_result_check(spec(), DOCS_BASE_URL)

