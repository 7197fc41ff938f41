from __future__ import annotations

from pathlib import Path

import pytest

from knowledge_base.kb_service.config import KBConfig
from knowledge_base.kb_service.errors import ContentError
from knowledge_base.kb_service.services import load_services

SHARED_SERVICES = Path(__file__).resolve().parents[3] / "shared" / "services.yml"


def test_repo_copy_of_services_yml_matches_shared():
    # The repo carries a copy so that Docker builds have it; it must never drift.
    if not SHARED_SERVICES.exists():
        pytest.skip("shared/services.yml is not beside this checkout")
    assert KBConfig().services_file.read_bytes() == SHARED_SERVICES.read_bytes()


def test_catalogue_has_all_services_with_contact_lines():
    services = load_services(KBConfig().services_file)
    assert len(services) >= 30
    assert services["mental-helse"].phone == "116 123"
    assert services["skatteetaten"].url == "https://www.skatteetaten.no"
    assert services["hfu"].url is None  # "the municipality's own web page" is not a link
    assert "112" in services["politiet"].phone
    assert services["nav"].contact == "NAV · tlf. 55 55 33 33 · https://www.nav.no"


def test_bad_services_file_is_refused(tmp_path):
    path = tmp_path / "services.yml"
    path.write_text("services:\n  - id: x\n    name: X\n", encoding="utf-8")
    with pytest.raises(ContentError, match="field 'owner'"):
        load_services(path)
