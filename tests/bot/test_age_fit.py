"""AgeFit: search results fitted to the writer's stated age."""

from __future__ import annotations

from actions.age_fit import AgeFit, service_name_patterns
from actions.kb_client import KBResult, KBSearch
from common.ages import AgeLimit
from common.catalogue import CATALOGUE_FILES, read_catalogue


def result(service: str, score: float) -> KBResult:
    return KBResult(f"{service}-entry", service, "dir", "t", "svar", None, score, service, "", "verified")


FIT = AgeFit({"kors-pa-halsen": AgeLimit(highest=17), "vo-linjen": AgeLimit(lowest=18)}, {})


def test_services_the_age_is_outside_are_dropped_and_confidence_needs_the_same_top():
    search = KBSearch([result("kors-pa-halsen", 0.7), result("mental-helse", 0.6)], True)
    fitted = FIT.fit(search, 22)
    assert [r.service for r in fitted.results] == ["mental-helse"] and not fitted.confident
    kept = FIT.fit(KBSearch([result("mental-helse", 0.7), result("kors-pa-halsen", 0.6)], True), 22)
    assert [r.service for r in kept.results] == ["mental-helse"] and kept.confident
    assert FIT.fit(search, 15) == search and FIT.fit(search, None) == search


def test_an_age_that_rules_out_every_result_changes_nothing_and_is_said():
    search = KBSearch([result("kors-pa-halsen", 0.7)], True)
    assert FIT.rules_out_all(search, 22) and not FIT.rules_out_all(search, 15)
    assert FIT.fit(search, 22).results == search.results


def test_the_catalogue_names_are_taken_out_as_typed():
    fit = AgeFit.read()
    assert fit.without_names("er 22 så korspåhalsen gjelder ikke meg", {"kors-pa-halsen"}) == "er 22 så gjelder ikke meg"


def test_a_service_name_is_found_as_typed():
    patterns = service_name_patterns(read_catalogue(CATALOGUE_FILES).services)
    for typed in ("korspåhalsen", "Kors på halsen", "kors pa halsen"):
        assert patterns["kors-pa-halsen"].search(f"er 22 så {typed} gjelder ikke meg")
    assert not patterns["kors-pa-halsen"].search("vondt i halsen")


def test_an_entry_on_who_a_service_is_for_stays_whatever_the_age():
    # "I'm 19, can I still use Kors på halsen?": the entry on its ages says so and where to go.
    ages = KBResult("korspahalsen-over-18", "kors-pa-halsen", "dir", "t", "svar", None, 0.7, "", "", "verified", topic="alder")
    search = KBSearch([ages, result("kors-pa-halsen", 0.6), result("mental-helse", 0.5)], True)
    fitted = FIT.fit(search, 19)
    assert [r.entry_id for r in fitted.results] == ["korspahalsen-over-18", "mental-helse-entry"] and fitted.confident
    assert not FIT.rules_out_all(KBSearch([ages, result("kors-pa-halsen", 0.6)], True), 19)
