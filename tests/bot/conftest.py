"""Action tests run against a real knowledge-base server with the fixture content."""

from __future__ import annotations

import pytest

from support.processes import start_kb


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory):
    process, base_url = start_kb(tmp_path_factory.mktemp("kb"))
    yield base_url
    process.stop()
