"""The service catalogue (services.yml): the facts every answer's contact line comes from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

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


def load_services(path: Path) -> dict[str, Service]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path}: cannot read services file: {exc}") from exc
    services: dict[str, Service] = {}
    for position, raw in enumerate(data.get("services") or [], start=1):
        for required in ("id", "name", "owner", "checked"):
            if not raw.get(required):
                raise ContentError(f"{path}: service #{position}: field '{required}' is missing")
        if raw["checked"] not in CHECKED_LEVELS:
            raise ContentError(f"{path}: service '{raw['id']}': field 'checked' is {raw['checked']!r}")
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
        raise ContentError(f"{path}: no services found")
    return services
