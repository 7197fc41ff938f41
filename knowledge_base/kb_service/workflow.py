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


def _not_covered(user: User, directorate: str) -> ForbiddenError:
    return ForbiddenError(
        f"{user.username} does not work with {directorate}'s entries.",
        reason="directorate_not_covered", params={"directorate": directorate},
    )


def check_read(user: User, directorate: str) -> None:
    if not user.covers(directorate):
        raise _not_covered(user, directorate)


def check_action(user: User, action: str, directorates: set[str], status: str | None, author: str | None = None) -> str:
    """Raise unless `user` may do `action` now; return the status it leads to."""
    roles, starts, result = TRANSITIONS[action]
    if user.role not in roles:
        raise ForbiddenError(
            f"A {user.role} cannot {action} entries.", reason="role_cannot", params={"role": user.role, "action": action},
        )
    for directorate in directorates:
        if not user.covers(directorate):
            raise _not_covered(user, directorate)
    if status not in starts:
        raise ConflictError(
            f"Cannot {action} an entry that is {status or 'new'}.", reason="status_forbids",
            params={"action": action, "status": status or "new"},
        )
    if action == "publish" and author and author == user.username:
        raise ForbiddenError("Someone other than the author must review and publish.", reason="author_cannot_publish")
    return result


def allowed_actions(user: User, directorate: str, status: str | None, author: str | None = None) -> list[str]:
    """The actions of `TRANSITIONS` that `user` may take now on an entry of `directorate` in
    `status` (None: not created yet), in the table's order: what `check_action` allows, so a
    client need not copy the table to know which buttons to show."""
    allowed = []
    for action in TRANSITIONS:
        try:
            check_action(user, action, {directorate}, status, author)
        except (ForbiddenError, ConflictError):
            continue
        allowed.append(action)
    return allowed
