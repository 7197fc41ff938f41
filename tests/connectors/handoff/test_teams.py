"""Teams from teams.yml: routing by the service's owner, and opening hours in Oslo time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from common.catalogue import read_catalogue
from connectors.handoff.config import HandoffConfig
from connectors.handoff.errors import HandoffConfigError
from connectors.handoff.teams import load_teams

OSLO = ZoneInfo("Europe/Oslo")
CONFIG = HandoffConfig()


@pytest.fixture(scope="module")
def teams():
    return load_teams(CONFIG.teams_file, *CONFIG.catalogue_files)


def test_a_conversation_goes_to_the_team_of_its_services_owner(teams):
    assert teams.team_for_service("nav").id == "nav"
    assert teams.team_for_service("lanekassen").id == "skole"
    assert teams.team_for_service("skatteetaten").id == "skatt-og-forerkort"
    assert teams.team_for_service("mental-helse").id == "ungdomsveiledning"
    assert teams.team_for_service(None).id == teams.default_team
    assert teams.team_for_service("no-such-service").id == teams.default_team


def test_services_added_yml_is_routed_too(teams):
    assert teams.team_for_service("bostotte").id == "nav"  # husbanken
    assert teams.team_for_service("udi").id == "ungdomsveiledning"
    assert teams.team_for_service("bup").id == "ungdomsveiledning"  # helseforetak
    assert teams.team_for_service("jussbuss").id == "ungdomsveiledning"  # rettshjelptiltak


def test_every_owner_in_the_catalogue_has_a_team_and_every_team_a_known_owner(teams):
    # Without a team of its own an owner's conversations would quietly go to the default team.
    catalogue = read_catalogue(CONFIG.catalogue_files)
    owners = set(catalogue.directorates) | {service["owner"] for service in catalogue.services}
    covered = set().union(*(team.directorates for team in teams.teams.values()))
    assert owners - covered == set()
    assert covered - owners == set()


def test_a_service_id_in_both_catalogue_files_is_refused(tmp_path: Path):
    again = tmp_path / "again.yml"
    again.write_text("services:\n  - {id: nav, name: NAV, owner: nav, checked: verified}\n", encoding="utf-8")
    with pytest.raises(HandoffConfigError, match="'nav'.*duplicate"):
        load_teams(CONFIG.teams_file, CONFIG.services_file, again)


def test_opening_hours(teams):
    nav = teams.get("nav")
    assert nav.is_open(dt.datetime(2026, 11, 25, 10, 0, tzinfo=OSLO))  # a Wednesday
    assert not nav.is_open(dt.datetime(2026, 11, 25, 15, 0, tzinfo=OSLO))  # closes at 15:00
    assert not nav.is_open(dt.datetime(2026, 11, 28, 10, 0, tzinfo=OSLO))  # Saturday
    assert teams.get("ungdomsveiledning").is_open(dt.datetime(2026, 11, 28, 13, 0, tzinfo=OSLO))
    assert nav.hours_text() == "man-fre 09:00-15:00"


@pytest.mark.parametrize(
    "body",
    [
        "default_team: x\nteams: []\n",
        "default_team: a\nteams:\n  - {id: a, hours: {mon-fry: '09:00-15:00'}}\n",
        "default_team: a\nteams:\n  - {id: a, hours: {mon-fri: '9-15'}}\n",
    ],
)
def test_a_bad_teams_file_is_refused_with_a_clear_error(tmp_path: Path, body):
    path = tmp_path / "teams.yml"
    path.write_text(body)
    with pytest.raises(HandoffConfigError):
        load_teams(path, *CONFIG.catalogue_files)
