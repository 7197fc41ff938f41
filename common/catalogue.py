"""The service catalogue as plain records: services.yml and services-added.yml read as one.

The knowledge base builds its services from it (`knowledge_base/kb_service/services.py`) and the
handoff routes by each service's owner (`connectors/handoff/teams.py`); PyYAML is in both
environments and both images. `CATALOGUE_FILES` are where the two files live in the repository and
in both images (`KB_SERVICES_FILE` and `KB_SERVICES_ADDED_FILE` point elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from common.yaml_file import read_list_file

_KB_DIR = Path(__file__).resolve().parents[1] / "knowledge_base"
# The service catalogue's two files, in order: the first catalogue, then the services added since.
SERVICES_FILE = _KB_DIR / "services.yml"
SERVICES_ADDED_FILE = _KB_DIR / "services-added.yml"
CATALOGUE_FILES = (SERVICES_FILE, SERVICES_ADDED_FILE)


class CatalogueError(ValueError):
    """A services file cannot be read, or an id appears twice. The message names the file."""


@dataclass(frozen=True)
class Catalogue:
    # owner id -> what it is, from every file's `directorates:` block
    directorates: dict[str, str]
    # every file's `services:`, in file order; ids are unique across the files
    services: list[dict[str, Any]]
    # service id -> the file it is in, for error messages
    files: dict[str, Path]


def read_catalogue(paths: Iterable[Path]) -> Catalogue:
    """The files' directorates and services as one catalogue; an id in two places is an error."""
    directorates: dict[str, str] = {}
    services: list[dict[str, Any]] = []
    # id -> the file it came from, for naming both files when an id appears twice
    owner_files: dict[str, Path] = {}
    service_files: dict[str, Path] = {}
    for path in paths:
        data = read_list_file(path, "services", "services", CatalogueError, required=False)
        for owner, text in (data.get("directorates") or {}).items():
            if owner in owner_files:
                raise CatalogueError(f"{path}: directorate {owner!r}: duplicate, already in {owner_files[owner]}")
            owner_files[owner] = path
            directorates[owner] = str(text)
        for position, raw in enumerate(data.get("services") or [], start=1):
            if not isinstance(raw, dict) or not raw.get("id"):
                raise CatalogueError(f"{path}: service #{position}: field 'id' is missing")
            if raw["id"] in service_files:
                raise CatalogueError(
                    f"{path}: service {raw['id']!r}: field 'id': duplicate, already used in {service_files[raw['id']]}"
                )
            service_files[raw["id"]] = path
            services.append(raw)
    return Catalogue(directorates, services, service_files)
