"""Caseworker accounts from the command line (the first account is made this way).

    python -m connectors.handoff add-caseworker USERNAME --team TEAM [--team TEAM] [--name NAME]
    python -m connectors.handoff teams

The password is asked for (or read from stdin with --password-stdin). Redis is REDIS_URL, else
the one a running `make run` uses (var/redis.url).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from common.passwords import AccountInputError, read_new_password, running_redis_url
from common.redis import connect_url

from .accounts import Accounts, check_new_account
from .config import ROOT, HandoffConfig
from .errors import HandoffConfigError
from .teams import load_teams


async def add_caseworker(args: argparse.Namespace, config: HandoffConfig) -> int:
    teams = load_teams(config.teams_file, *config.catalogue_files)
    password = read_new_password(args.password_stdin)
    check_new_account(args.username, password, args.team, set(teams.teams))
    client = connect_url(running_redis_url(ROOT))
    try:
        caseworker = await Accounts(client, config.console_session_seconds).add(args.username, password, args.team, args.name or "")
    finally:
        await client.close()
    print(f"Caseworker {caseworker.username} ({', '.join(caseworker.teams)}) can now log in.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m connectors.handoff", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add-caseworker", help="create or update a caseworker account")
    add.add_argument("username")
    add.add_argument("--team", action="append", required=True, help="a team id from teams.yml (repeatable)")
    add.add_argument("--name", help="the name young people see")
    add.add_argument("--password-stdin", action="store_true")
    sub.add_parser("teams", help="list the team ids")
    args = parser.parse_args(argv)
    config = HandoffConfig.from_settings(None)
    try:
        if args.command == "teams":
            for team in load_teams(config.teams_file, *config.catalogue_files).teams.values():
                print(f"{team.id}\t{team.name}\t{team.hours_text()}")
            return 0
        return asyncio.run(add_caseworker(args, config))
    except (HandoffConfigError, AccountInputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
