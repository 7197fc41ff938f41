"""No dead ends: every fixed reply that ends a turn without an answer (a fallback, out of scope, the
crisis answer, a check-in, a referral or a handoff) gives a link, a phone number or a button."""

from __future__ import annotations

from pathlib import Path

import yaml
from actions.replies import has_next_step

ROOT = Path(__file__).resolve().parents[2]

KINDS = {"fallback", "out_of_scope", "crisis", "check_in", "referral", "handoff", "handoff_offer"}


def test_every_fixed_reply_of_these_kinds_has_a_next_step():
    dead_ends = []
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        for name, variations in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}).items():
            for variation in variations:
                kind = (variation.get("custom") or {}).get("kind")
                if kind in KINDS and not has_next_step(variation.get("text") or "", buttons=variation.get("buttons")):
                    dead_ends.append((name, (variation.get("custom") or {}).get("lang")))
    assert not dead_ends


def test_the_widget_links_the_same_phone_numbers_the_next_step_check_counts():
    """The widget's `tel:` pattern (JavaScript) and `replies.PHONE` (Python) are one pattern."""
    import re

    from actions.replies import PHONE

    script = (ROOT / "connectors" / "widget" / "static" / "widget.js").read_text(encoding="utf-8")
    [source] = re.findall(r"^const TEL = '(.*)';$", script, flags=re.MULTILINE)
    assert source.replace("\\\\", "\\") == PHONE.pattern
