"""Who may do what to an entry, and which status it moves to. Pure rules, no I/O.

    draft ──submit──▶ in_review ──publish (a reviewer other than the author)──▶ published
      ▲                  │                                                        │
      └──── reject ──────┘           edit (a published entry gets a working copy) ─┘
    published ──archive──▶ archived;  revert: an old version becomes a new draft
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConflictError, ForbiddenError

ROLES = ("admin", "editor", "reviewer")

# action -> (roles that may, statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], frozenset[str | None], str]] = {
    "create": (frozenset({"admin", "editor"}), frozenset({None}), "draft"),
    "edit": (frozenset({"admin", "editor"}), frozenset({"draft", "in_review", "published"}), "draft"),
    "revert": (frozenset({"admin", "editor"}), frozenset({"draft", "in_review", "published", "archived"}), "draft"),
    "submit": (frozenset({"admin", "editor"}), frozenset({"draft"}), "in_review"),
    "reject": (frozenset({"admin", "reviewer"}), frozenset({"in_review"}), "draft"),
    "publish": (frozenset({"admin", "reviewer"}), frozenset({"in_review"}), "published"),
    "archive": (frozenset({"admin", "reviewer"}), frozenset({"published"}), "archived"),
}
READ_ROLES = frozenset(ROLES)


@dataclass(frozen=True)
class User:
    username: str
    role: str
    directorates: tuple[str, ...]

    def covers(self, directorate: str) -> bool:
        return self.role == "admin" or directorate in self.directorates


def check_read(user: User, directorate: str) -> None:
    if not user.covers(directorate):
        raise ForbiddenError(f"{user.username} does not work with {directorate}'s entries.")


def check_action(user: User, action: str, directorates: set[str], status: str | None, author: str | None = None) -> str:
    """Raise unless `user` may do `action` now; return the status it leads to."""
    roles, starts, result = TRANSITIONS[action]
    if user.role not in roles:
        raise ForbiddenError(f"A {user.role} cannot {action} entries.")
    for directorate in directorates:
        if not user.covers(directorate):
            raise ForbiddenError(f"{user.username} does not work with {directorate}'s entries.")
    if status not in starts:
        raise ConflictError(f"Cannot {action} an entry that is {status or 'new'}.")
    if action == "publish" and author and author == user.username:
        raise ForbiddenError("Someone other than the author must review and publish.")
    return result
