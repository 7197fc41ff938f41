"""Content-owner administration from the command line.

    python -m knowledge_base.kb_service.admin_cli create-user USERNAME --role admin
    python -m knowledge_base.kb_service.admin_cli create-user USERNAME --role editor --directorate nav
    python -m knowledge_base.kb_service.admin_cli export [--out var/kb-export] [--csv FILE]

The password is asked for (or read with --password-stdin). Redis is REDIS_URL, else the one a
running `make run` uses (var/redis.url).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from common.passwords import AccountInputError, read_new_password, running_redis_url
from common.redis import connect_url

from .accounts import Accounts, check_new_user
from .config import KB_DIR, KBConfig
from .errors import KBHTTPError
from .import_export import to_csv, write_yaml
from .services import load_services
from .store import ContentStore

ROOT = KB_DIR.parent


async def create_user(args: argparse.Namespace) -> int:
    services = load_services(*KBConfig.from_env().catalogue_files)
    known = {service.owner for service in services.values()}
    password = read_new_password(args.password_stdin)
    check_new_user(args.username, password, args.role, args.directorate or [], known)
    client = connect_url(running_redis_url(ROOT))
    try:
        user = await Accounts(client).add(args.username, password, args.role, args.directorate or [])
        await ContentStore(client).audit(
            "cli", "add_user", detail=f"{user.username} ({user.role})", username=user.username, role=user.role,
        )
    finally:
        await client.aclose()
    print(f"{user.role} {user.username} can now log in at /admin/ on the knowledge-base service.")
    return 0


async def export(args: argparse.Namespace) -> int:
    client = connect_url(running_redis_url(ROOT))
    try:
        entries = await ContentStore(client).published()
    finally:
        await client.aclose()
    written = write_yaml(entries, Path(args.out))
    print(f"{len(entries)} published entries written to {len(written)} files in {args.out}")
    if args.csv:
        Path(args.csv).write_text(to_csv(entries), encoding="utf-8")
        print(f"and to {args.csv}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_base.kb_service.admin_cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser("create-user", help="create or update a content-owner account")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=["admin", "editor", "reviewer"])
    create.add_argument("--directorate", action="append", help="a directorate id that owns a service (repeatable)")
    create.add_argument("--password-stdin", action="store_true")
    out = sub.add_parser("export", help="write the published entries to YAML (and CSV)")
    out.add_argument("--out", default=str(ROOT / "var" / "kb-export"))
    out.add_argument("--csv")
    args = parser.parse_args(argv)
    try:
        return asyncio.run(create_user(args) if args.command == "create-user" else export(args))
    except (KBHTTPError, AccountInputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
