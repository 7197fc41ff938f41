"""Redis key names that more than one part of the product writes or reads.

The widget channel writes the conversation transcript and the feedback; the handoff appends to the
same transcript from Lua scripts; the knowledge base's insights read the feedback and handoff logs.
Keys that only one module uses stay in that module (its docstring lists them).

    uv:widget:log:<session>   stream of {"m": transcript message json}   expires with the conversation
    uv:feedback:<entry_id>    hash {up, down}                            expires after the insights retention
    uv:feedback:log           stream of {entry_id, vote, lang, question, ts}, capped, trimmed by age
    uv:insights:handoffs      stream of {team, service, priority, question, ts}, capped, trimmed by age
"""

from __future__ import annotations

TRANSCRIPT_PREFIX = "uv:widget:log:"
FEEDBACK_LOG = "uv:feedback:log"
HANDOFF_LOG = "uv:insights:handoffs"


def transcript(session: str) -> str:
    """The Redis stream that holds one conversation's transcript."""
    return TRANSCRIPT_PREFIX + session


def feedback_counts(entry_id: str) -> str:
    """The hash of thumbs up and down counts for one knowledge-base entry."""
    return f"uv:feedback:{entry_id}"
