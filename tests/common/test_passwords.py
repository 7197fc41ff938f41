"""Account rules both account kinds share (caseworkers and content owners)."""

from __future__ import annotations

import io

import pytest

from common import passwords


@pytest.mark.parametrize("name", ["ab", "kari", "kari.nordmann", "k_1-2", "a" * 40])
def test_good_usernames(name):
    assert passwords.username_problem(name) is None


@pytest.mark.parametrize("name", ["a", "", "Kari", "-kari", "kari nordmann", "a" * 41, "<script>", None, 42])
def test_bad_usernames(name):
    assert "2-40 characters" in passwords.username_problem(name)


def test_password_length():
    assert passwords.password_problem("x" * passwords.MIN_PASSWORD_CHARS) is None
    assert passwords.password_problem("x" * (passwords.MIN_PASSWORD_CHARS - 1))
    assert passwords.password_problem(None)


def test_hash_and_verify():
    stored = passwords.hash_password("riktig passord")
    assert stored.startswith("$argon2id$") and "riktig" not in stored
    assert passwords.verify_password(stored, "riktig passord")
    assert not passwords.verify_password(stored, "feil passord")
    assert not passwords.verify_password(None, "riktig passord")  # no such account
    assert not passwords.verify_password("not a hash", "riktig passord")


def test_tokens():
    first, second = passwords.new_token(), passwords.new_token()
    assert first != second and len(first) >= 40
    assert passwords.plausible_token(first)
    assert not passwords.plausible_token("") and not passwords.plausible_token(None)
    assert not passwords.plausible_token("x" * 101)


def test_a_new_password_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("et langt passord\n"))
    assert passwords.read_new_password(from_stdin=True) == "et langt passord"


def test_the_prompt_refuses_two_different_passwords(monkeypatch):
    answers = iter(["et langt passord", "et annet passord"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(passwords.AccountInputError, match="differ"):
        passwords.read_new_password(from_stdin=False)


def test_the_running_stacks_redis(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    with pytest.raises(passwords.AccountInputError, match="make run"):
        passwords.running_redis_url(tmp_path)
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "redis.url").write_text("redis://127.0.0.1:6399/0\n")
    assert passwords.running_redis_url(tmp_path) == "redis://127.0.0.1:6399/0"
    monkeypatch.setenv("REDIS_URL", "redis://elsewhere:6379/1")
    assert passwords.running_redis_url(tmp_path) == "redis://elsewhere:6379/1"


def test_a_password_that_is_not_text_never_matches():
    stored = passwords.hash_password("riktig passord")
    assert not passwords.verify_password(stored, 1234567890)
    assert not passwords.verify_password(stored, None)
