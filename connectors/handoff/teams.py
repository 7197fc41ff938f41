"""Caseworker teams from teams.yml: which team a conversation goes to, and whether it is open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from common.catalogue import CatalogueError, read_catalogue
from common.weekdays import parse_days

from .errors import HandoffConfigError



@dataclass(frozen=True)
class OpeningHours:
    weekdays: frozenset[int]  # 0 = Monday
    start: dt.time
    end: dt.time

    def covers(self, moment: dt.datetime) -> bool:
        return moment.weekday() in self.weekdays and self.start <= moment.time() < self.end


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    directorates: frozenset[str]
    hours: tuple[OpeningHours, ...]

    def is_open(self, moment: dt.datetime) -> bool:
        return any(hours.covers(moment) for hours in self.hours)

    def hours_text(self) -> str:
        """'man-fre 09:00-15:00' style, for telling a young person when the team is there."""
        names = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
        parts = []
        for hours in self.hours:
            days = sorted(hours.weekdays)
            span = names[days[0]] if len(days) == 1 else f"{names[days[0]]}-{names[days[-1]]}"
            parts.append(f"{span} {hours.start:%H:%M}-{hours.end:%H:%M}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Teams:
    teams: dict[str, Team]
    default_team: str
    timezone: ZoneInfo
    # service id -> owning directorate, from the service catalogue
    service_owners: dict[str, str]

    def team_for_service(self, service: str | None) -> Team:
        owner = self.service_owners.get(service or "")
        for team in self.teams.values():
            if owner and owner in team.directorates:
                return team
        return self.teams[self.default_team]

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.timezone)

    def get(self, team_id: str) -> Team | None:
        return self.teams.get(team_id)


def _parse_days(spec: str) -> frozenset[int]:
    try:
        return parse_days(spec)
    except ValueError:
        raise HandoffConfigError(f"unknown weekday range {spec!r}: use mon, tue, ... sun") from None


def _parse_hours(spec: str, times: str) -> OpeningHours:
    try:
        start, end = (dt.time.fromisoformat(part.strip()) for part in times.split("-"))
    except ValueError:
        raise HandoffConfigError(f"bad opening hours {times!r}: use HH:MM-HH:MM") from None
    return OpeningHours(_parse_days(spec), start, end)


def load_teams(teams_file: Path, *catalogue_files: Path) -> Teams:
    data = yaml.safe_load(teams_file.read_text(encoding="utf-8")) or {}
    try:
        services = read_catalogue(catalogue_files).services
    except CatalogueError as exc:
        raise HandoffConfigError(str(exc)) from exc
    teams = {}
    for raw in data.get("teams") or []:
        hours = tuple(_parse_hours(days, times) for days, times in (raw.get("hours") or {}).items())
        teams[raw["id"]] = Team(raw["id"], raw.get("name", raw["id"]), frozenset(raw.get("directorates") or []), hours)
    default = data.get("default_team")
    if default not in teams:
        raise HandoffConfigError(f"default_team {default!r} is not one of the teams")
    return Teams(
        teams=teams,
        default_team=default,
        timezone=ZoneInfo(data.get("timezone", "Europe/Oslo")),
        service_owners={service["id"]: service["owner"] for service in services},
    )
