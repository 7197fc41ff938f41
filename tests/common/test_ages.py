"""Ages: the plain age limits in the catalogue, and the writer's own age in a message."""

import pytest

from common.ages import AgeLimit, age_limit, age_limits, stated_age
from common.catalogue import CATALOGUE_FILES, read_catalogue


@pytest.mark.parametrize(("field", "limit"), [
    ("under 18", AgeLimit(highest=17)),
    ("18 and over (under 18 -> Alarmtelefonen 116 111)", AgeLimit(lowest=18)),
    ("13-20", AgeLimit(13, 20)),
    ("under 18, and adults worried about a child", None),
    ("0-18; treatment started before 18 can continue up to 23", None),
    ("pupils in primary and secondary school", None),
    (None, None),
])
def test_only_a_plain_range_is_a_limit(field, limit):
    assert age_limit(field) == limit


def test_the_catalogue_limits_the_services_for_under_18_and_for_adults_only():
    limits = age_limits(read_catalogue(CATALOGUE_FILES).services)
    assert not limits["kors-pa-halsen"].fits(22) and limits["kors-pa-halsen"].fits(15)
    assert not limits["vo-linjen"].fits(16) and limits["vo-linjen"].fits(19)
    # "under 18, and adults worried about a child": an adult can call too
    assert "alarmtelefonen" not in limits


@pytest.mark.parametrize(("text", "age"), [
    ("trenger bare noen og prate med, er 22 så korspåhalsen gjelder vel ikke meg", 22),
    ("what if im 23 and its more about stuff from growing up", 23),
    ("jeg er 15 år og lurer på noe", 15),
    ("Er 14 og har ingen venner i klassen", 14),
    ("19 åring her, trenger jobb", 19),
    ("eg er 19 og treng jobb", 19),
    ("i am 17 and pregnant", 17),
])
def test_the_writers_own_age(text, age):
    assert stated_age(text) == age


@pytest.mark.parametrize("text", [
    "lillebroren min er 12", "det er 22 grader ute", "for 3 år siden skjedde det", "im 100% sure",
    "I am 5 minutes late", "hvordan bytter jeg fastlege når man er 16", "jeg er 3 uker på vei", "",
])
def test_numbers_that_are_not_the_writers_age(text):
    assert stated_age(text) is None

