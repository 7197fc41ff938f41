from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from common.catalogue import read_catalogue
from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.errors import ContentError
from knowledge_base.kb_service.services import load_services

SHARED = Path(__file__).resolve().parents[3] / "shared"
SHARED_FILES = (SHARED / "services.yml", SHARED / "services-added.yml")
# What an answer may state about a service: these must be as researched, never edited in the repo.
FACT_FIELDS = ("id", "name", "owner", "kind", "phone", "url", "age", "hours", "checked")


def catalogue_drift(project_files, shared_files) -> list[str]:
    """Each shared service the project's catalogue lacks, or holds with another fact."""
    project = {service["id"]: service for service in read_catalogue(project_files).services}
    problems = []
    for shared in read_catalogue(shared_files).services:
        ours = project.get(shared["id"])
        if ours is None:
            problems.append(f"{shared['id']}: missing")
            continue
        problems += [
            f"{shared['id']}: {field} is {ours.get(field)!r}, shared says {shared.get(field)!r}"
            for field in FACT_FIELDS
            if ours.get(field) != shared.get(field)
        ]
    return problems


def test_the_catalogue_holds_every_shared_service_with_the_same_facts():
    # The repo carries copies so that Docker builds have them; they must never drift.
    if not all(path.exists() for path in SHARED_FILES):
        pytest.skip("shared/services.yml and services-added.yml are not beside this checkout")
    assert catalogue_drift(KBConfig().catalogue_files, SHARED_FILES) == []


def test_the_drift_check_finds_a_missing_service_and_a_changed_phone(tmp_path):
    shared = KBConfig().catalogue_files
    project = [tmp_path / path.name for path in shared]
    for source, copy in zip(shared, project):
        shutil.copy(source, copy)
    data = yaml.safe_load(project[1].read_text(encoding="utf-8"))
    data["services"] = [s for s in data["services"] if s["id"] != "bup"]
    project[1].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    data = yaml.safe_load(project[0].read_text(encoding="utf-8"))
    next(s for s in data["services"] if s["id"] == "nav")["phone"] = "55 55 33 34"
    project[0].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert catalogue_drift(project, shared) == [
        "nav: phone is '55 55 33 34', shared says '55 55 33 33'",
        "bup: missing",
    ]


def test_catalogue_has_all_services_with_contact_lines():
    services = load_services(*KBConfig().catalogue_files)
    assert len(services) >= 53
    assert services["mental-helse"].phone == "116 123"
    assert services["skatteetaten"].url == "https://www.skatteetaten.no"
    assert services["hfu"].url is None  # "the municipality's own web page" is not a link
    assert "112" in services["politiet"].phone
    assert services["nav"].contact == "NAV · tlf. 55 55 33 33 · https://www.nav.no"
    assert services["bostotte"].owner == "husbanken"  # from services-added.yml
    assert services["jussbuss"].kind == "legal"


def test_bad_services_file_is_refused(tmp_path):
    path = tmp_path / "services.yml"
    path.write_text("services:\n  - id: x\n    name: X\n", encoding="utf-8")
    with pytest.raises(ContentError, match="field 'owner'"):
        load_services(path)


def write_services(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def test_a_service_id_in_both_files_is_refused(tmp_path):
    first = write_services(tmp_path / "a.yml", "directorates: {nav: NAV}\nservices:\n  - {id: nav, name: NAV, owner: nav, checked: verified}\n")
    second = write_services(tmp_path / "b.yml", "services:\n  - {id: nav, name: NAV igjen, owner: nav, checked: verified}\n")
    with pytest.raises(ContentError, match="'nav': field 'id': duplicate") as raised:
        load_services(first, second)
    assert str(first) in str(raised.value) and str(second) in str(raised.value)


def test_an_owner_must_be_named_in_a_directorates_block(tmp_path):
    first = write_services(tmp_path / "a.yml", "directorates: {nav: NAV}\nservices:\n  - {id: nav, name: NAV, owner: nav, checked: verified}\n")
    second = write_services(tmp_path / "b.yml", "services:\n  - {id: ny, name: Ny, owner: ukjent, checked: verified}\n")
    with pytest.raises(ContentError, match="field 'owner': 'ukjent'"):
        load_services(first, second)
    # An owner the second file's own block names is accepted, as services-added.yml's are.
    second.write_text("directorates: {ukjent: Ny eier}\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_services(first, second)["ny"].owner == "ukjent"


def test_sources_must_be_a_list_of_pages(tmp_path):
    path = write_services(
        tmp_path / "a.yml",
        "directorates: {nav: NAV}\nservices:\n  - {id: nav, name: NAV, owner: nav, checked: verified, sources: https://www.nav.no}\n",
    )
    with pytest.raises(ContentError, match="field 'sources'"):
        load_services(path)
