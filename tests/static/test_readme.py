from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_starts_with_the_two_commands():
    head = "\n".join(README.read_text(encoding="utf-8").splitlines()[:20])
    assert "make run" in head
    assert "make test" in head


def test_ci_runs_make_test_and_nothing_else():
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[-1].strip() == "make test"
    assert all(c.startswith(("set ", "cd ")) for c in commands[:-1])
