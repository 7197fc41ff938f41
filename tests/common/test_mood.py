"""feels_low (common/mood.py): a statement of feeling low, in nb, nn, dialect and en."""

from __future__ import annotations

import pytest

from common.mood import feels_low


@pytest.mark.parametrize("text", [
    "eg er så lei meg", "har det så dritt for tida", "føle mæ så tom og åleine", "æ e bare så aleina",
    "alt er bare svart", "hjertet mitt er knust", "gråter hele tiden", "er helt knust etter i går", "ingen bryr seg om meg",
    "life is just so heavy rn", "i feel like nobody actually cares about me", "feel empty all the time",
    "im so lonely", "i feel so down lately",
    "har det ikke så bra for tida", "sliter psykisk", "er inne i en tung periode", "i'm not okay",
    "not doing well lately", "having a really hard time", "going through a lot rn",
])
def test_feeling_low(text):
    assert feels_low(text)


@pytest.mark.parametrize("text", [
    "er tom for penger denne måneden", "jeg er alene hjemme i helga", "i am so bad at math",
    "er så dårlig i matte", "bad weather today", "jeg har det bra", "how do i change my fastlege",
    "i feel like i should apply for bostøtte", "feel free to tell me",
    "sliter med matte", "struggling with my maths homework", "is it ok to work at 15", "not good at maths",
    "mobilskjermen min er knust", "i grin every time i see him",
])
def test_ordinary_uses_of_the_same_words(text):
    assert not feels_low(text)
