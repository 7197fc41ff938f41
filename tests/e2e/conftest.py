"""One whole stack per test module: each module takes its stack apart in its own way (the fault
cases), so stacks are never shared across modules."""

from __future__ import annotations

import pytest

from support.processes import start_test_stack


@pytest.fixture(scope="module")
def running_stack(request, tmp_path_factory):
    started = start_test_stack(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1]))
    yield started
    started.stop()
