"""What the two kinds of accounts share: caseworkers (the console, bot env) and content owners
(the admin pages, knowledge-base service env). Username and password rules, argon2id hashing,
login tokens, and for the two command-line tools that create accounts, reading a new password and
finding the Redis of a running `make run`.

Standard library and argon2-cffi only (both environments have argon2-cffi).
"""

from __future__ import annotations

import getpass
import os
import re
import secrets
import sys
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}\Z")
MIN_PASSWORD_CHARS = 10
MAX_TOKEN_CHARS = 100

_hasher = PasswordHasher()  # argon2id with the library's (OWASP-level) defaults
# Verifying against this keeps a wrong username as slow as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")


class AccountInputError(ValueError):
    """A new account's username or password, or the password prompt, was refused."""


def username_problem(username: object) -> str | None:
    if isinstance(username, str) and USERNAME.fullmatch(username):
        return None
    return "A username is 2-40 characters: a-z, 0-9, '.', '_' or '-'."


def password_problem(password: object) -> str | None:
    if isinstance(password, str) and len(password) >= MIN_PASSWORD_CHARS:
        return None
    return f"A password needs at least {MIN_PASSWORD_CHARS} characters."


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; an unknown account (no hash) costs the same time as a match."""
    candidate = password if isinstance(password, str) else ""
    try:
        _hasher.verify(stored_hash or _DUMMY_HASH, candidate)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None and candidate == password


def new_token() -> str:
    return secrets.token_urlsafe(32)


def plausible_token(token: str | None) -> bool:
    """Cheap check before a token is looked up: present and not absurdly long."""
    return bool(token) and len(token) <= MAX_TOKEN_CHARS


def read_new_password(from_stdin: bool) -> str:
    """From one stdin line (scripts), else asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(f"Password (at least {MIN_PASSWORD_CHARS} characters): ")
    if getpass.getpass("Again: ") != password:
        raise AccountInputError("The passwords differ.")
    return password


def running_redis_url(root: Path) -> str:
    """REDIS_URL, else the Redis of the stack `make run` started in `root` (var/redis.url)."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    running = root / "var" / "redis.url"
    if running.exists():
        return running.read_text().strip()
    raise AccountInputError("No Redis: start the stack with `make run` first, or set REDIS_URL.")
