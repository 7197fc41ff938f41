"""Action tests run against a real knowledge-base server with the fixture content."""

from __future__ import annotations

import pytest

from support.processes import start_kb


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory):
    # Three fixture entries against the 539 questions outside the catalogue would make the domain
    # model call nearly everything outside; these tests are about the decisions, so the domain
    # model learns from the NLU's 220 outside questions only.
    log_dir = tmp_path_factory.mktemp("kb")
    process, base_url = start_kb(log_dir, extra_env={"KB_OUTSIDE_MORE_FILE": str(log_dir / "none.yml")})
    yield base_url
    process.stop()
