"""The service catalogue (services.yml plus services-added.yml): the facts every answer's contact
line comes from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from common.catalogue import CatalogueError, read_catalogue

from .errors import ContentError

CHECKED_LEVELS = ("verified", "dated", "uncertain")


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    owner: str
    kind: str
    phone: str | None
    url: str | None
    hours: str | None
    checked: str

    @property
    def contact(self) -> str:
        """One line a young person can act on: name, phone, link."""
        parts = [self.name]
        if self.phone:
            parts.append(f"tlf. {self.phone}")
        if self.url:
            parts.append(self.url)
        return " · ".join(parts)


def _phone_text(raw: object) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, Mapping):
        return ", ".join(f"{number} ({label})" for label, number in raw.items())
    return str(raw)


def _url(raw: object) -> str | None:
    # Some services have no national site ("the municipality's own web page").
    text = str(raw) if raw else ""
    return text if text.startswith("https://") else None


def _sources_problem(raw: object) -> str | None:
    # `sources` (services-added.yml): the pages the facts were read in, each with the date it shows.
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(isinstance(source, Mapping) and source.get("url") for source in raw):
        return "field 'sources' must be a list of {url, date}"
    return None


def load_services(*paths: Path) -> dict[str, Service]:
    """The catalogue in `paths` (KBConfig.catalogue_files) as one: ids are unique across the files,
    and every owner is a directorate one of the files names."""
    try:
        catalogue = read_catalogue(paths)
    except CatalogueError as exc:
        raise ContentError(str(exc)) from exc
    services: dict[str, Service] = {}
    for raw in catalogue.services:
        where = f"{catalogue.files[raw['id']]}: service '{raw['id']}'"
        for required in ("name", "owner", "checked"):
            if not raw.get(required):
                raise ContentError(f"{where}: field '{required}' is missing")
        if raw["owner"] not in catalogue.directorates:
            raise ContentError(f"{where}: field 'owner': {raw['owner']!r} is in no file's 'directorates'")
        if raw["checked"] not in CHECKED_LEVELS:
            raise ContentError(f"{where}: field 'checked' is {raw['checked']!r}")
        problem = _sources_problem(raw.get("sources"))
        if problem:
            raise ContentError(f"{where}: {problem}")
        services[raw["id"]] = Service(
            id=raw["id"],
            name=raw["name"],
            owner=raw["owner"],
            kind=raw.get("kind", "information"),
            phone=_phone_text(raw.get("phone")),
            url=_url(raw.get("url")),
            hours=raw.get("hours"),
            checked=raw["checked"],
        )
    if not services:
        raise ContentError(f"{', '.join(map(str, paths))}: no services found")
    return services
