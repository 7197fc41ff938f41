"""A bad content file stops the service before it loads the model or opens a port."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_service_refuses_to_start_on_bad_content(tmp_path):
    (tmp_path / "nav.yml").write_text(
        "entries:\n  - id: nav-x\n    service: nav\n    directorate: nav\n", encoding="utf-8"
    )
    env = dict(os.environ, KB_CONTENT_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "knowledge_base.kb_service"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "nav.yml" in result.stderr
    assert "'nav-x'" in result.stderr
    assert "field 'topic'" in result.stderr
