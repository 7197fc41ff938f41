"""End-to-end figures: messages through the whole bot over REST, as a young person meets it.

`make eval` runs it in the bot env. It starts the stack (the trained model, the action server, the
knowledge base and Redis on free ports), or uses a running one (`--url`), and sends:

- every single message of tests/data/eval_e2e.yml, each in a new conversation. A reply is
  `right` (an answer from an expected service), `wrong` (an answer from another service),
  `clarify+` (a clarify offering an expected service), `clarify-` (a clarify without one), or
  `other` (anything else: fallback, out of scope, a crisis answer...). Printed per language (nb,
  nn, en), for the `hard` subset and overall.
- every dialogue of tests/data/eval_dialogues.yml, turn by turn in one conversation. A turn is met
  when the reply's kind is one of `expect.kind`, its service one of `expect.service` (answers),
  its category one of `expect.category` (crisis) and its language `expect.lang`; a dialogue is
  right when every turn is. Printed per tag and overall.
- tests/data/eval_coverage.yml: questions no service in the catalogue answers (any answer or clarify
  there is wrong: the bot should say it has no answer and point on), and questions one does.

The reply of a turn is the crisis message when there is one, else the answer or clarify, else the
last message with a kind; the chat network's reply ("who is open now", kind `network`) counts as
an answer from the first service it lists (the one the message named, else the first open); a turn's expected kind may also be any other kind in the turn (an answer
followed by a check-in meets `check_in`). A single message answered with the crisis message and
then an answer from an expected service (the question it also asked) counts as right; the report
says how many.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402

# (name, single messages, dialogues). Dev set 2 was written later, the same way, by someone who
# had read neither the entries, the training data nor dev set 1. Holdout 3 likewise, later again:
# its misses are never printed (--show skips it), so it stays a measure of unseen messages.
SETS = (
    ("dev", ROOT / "tests/data/eval_e2e.yml", ROOT / "tests/data/eval_dialogues.yml"),
    ("dev 2", ROOT / "tests/data/eval_e2e2.yml", ROOT / "tests/data/eval_dialogues2.yml"),
    # dev set 3: written by a helper from the catalogues alone at the start of the session that
    # first measured holdout 8, for tuning on dialogues (its misses may be read)
    ("dev 3", ROOT / "tests/data/eval_e2e_dev3.yml", ROOT / "tests/data/eval_dialogues_dev3.yml"),
    # dev set 4: the same way, at the start of the session that first measured holdout 9; more
    # English and more dialogues of the kinds that failed most (its misses may be read)
    ("dev 4", ROOT / "tests/data/eval_e2e_dev4.yml", ROOT / "tests/data/eval_dialogues_dev4.yml"),
    # dev set 5: the same way, at the start of the session that first measured holdout 10; more
    # hard messages, casual English and neighbouring services (its misses may be read)
    ("dev 5", ROOT / "tests/data/eval_e2e_dev5.yml", ROOT / "tests/data/eval_dialogues_dev5.yml"),
    # dev set 6: the same way, at the start of the session that first measured holdout 11 (its
    # misses may be read)
    ("dev 6", ROOT / "tests/data/eval_e2e_dev6.yml", ROOT / "tests/data/eval_dialogues_dev6.yml"),
    # dev set 7: the same way, at the start of the session that first measured holdout 12 (its
    # misses may be read)
    ("dev 7", ROOT / "tests/data/eval_e2e_dev7.yml", ROOT / "tests/data/eval_dialogues_dev7.yml"),
    # dev set 8: the same way, at the start of the session that first measured holdout 13; more
    # dialect, situations that name no need, ages and near neighbours (its misses may be read)
    ("dev 8", ROOT / "tests/data/eval_e2e_dev8.yml", ROOT / "tests/data/eval_dialogues_dev8.yml"),
    # dev set 9: the same way, at the start of the session that first measured holdout 14 (its
    # misses may be read)
    ("dev 9", ROOT / "tests/data/eval_e2e_dev9.yml", ROOT / "tests/data/eval_dialogues_dev9.yml"),
    ("holdout 3", ROOT / "tests/data/eval_e2e3.yml", ROOT / "tests/data/eval_dialogues3.yml"),
    # written at the end of that session, the same way; first measured in the next round
    ("holdout 4", ROOT / "tests/data/eval_e2e4.yml", ROOT / "tests/data/eval_dialogues4.yml"),
    # written at the end of the next session, the same way; for the round after it
    ("holdout 5", ROOT / "tests/data/eval_e2e5.yml", ROOT / "tests/data/eval_dialogues5.yml"),
    # written at the start of the session that first measured holdout 5, before it changed
    # anything; measured at its end
    ("holdout 6", ROOT / "tests/data/eval_e2e6.yml", ROOT / "tests/data/eval_dialogues6.yml"),
    # written at the end of that session, the same way; for the round after it
    ("holdout 7", ROOT / "tests/data/eval_e2e7.yml", ROOT / "tests/data/eval_dialogues7.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 7;
    # for the round after it
    ("holdout 8", ROOT / "tests/data/eval_e2e8.yml", ROOT / "tests/data/eval_dialogues8.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 8;
    # for the round after it
    ("holdout 9", ROOT / "tests/data/eval_e2e9.yml", ROOT / "tests/data/eval_dialogues9.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 9;
    # for the round after it
    ("holdout 10", ROOT / "tests/data/eval_e2e10.yml", ROOT / "tests/data/eval_dialogues10.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 10;
    # for the round after it
    ("holdout 11", ROOT / "tests/data/eval_e2e11.yml", ROOT / "tests/data/eval_dialogues11.yml"),
    # written by the helper who wrote dev 6, after it and apart from it; for the round after it
    ("holdout 12", ROOT / "tests/data/eval_e2e12.yml", ROOT / "tests/data/eval_dialogues12.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 12,
    # apart from the helper who wrote dev 7; for the round after it
    ("holdout 13", ROOT / "tests/data/eval_e2e13.yml", ROOT / "tests/data/eval_dialogues13.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 13,
    # apart from the helper who wrote dev 8; for the round after it
    ("holdout 14", ROOT / "tests/data/eval_e2e14.yml", ROOT / "tests/data/eval_dialogues14.yml"),
    # written by a helper from the catalogues alone in the session that first measured holdout 14,
    # apart from the helper who wrote dev 9; for the round after it
    ("holdout 15", ROOT / "tests/data/eval_e2e15.yml", ROOT / "tests/data/eval_dialogues15.yml"),
)
HOLDOUTS = frozenset({
    "holdout 3", "holdout 4", "holdout 5", "holdout 6", "holdout 7", "holdout 8", "holdout 9", "holdout 10",
    "holdout 11", "holdout 12", "holdout 13", "holdout 14",
    "holdout 15",
})
# Questions no service in the catalogue answers, and questions one does (issue 21), written from the
# two catalogues alone by someone who had read no entry.
COVERAGE = ROOT / "tests/data/eval_coverage.yml"
OUTCOMES = ("right", "wrong", "clarify+", "clarify-", "other")
LANGS = ("nb", "nn", "en")


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def send(url: str, sender: str, text: str, timeout: float = 30.0) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": text}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def main_reply(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The custom payload that decides the turn (see the module docstring), with `_kinds`: every
    kind the turn had (an answer followed by a check-in has both)."""
    customs = [m.get("custom") or {} for m in messages]
    kinds = [c["kind"] for c in customs if c.get("kind")]
    chosen = next((c for c in customs if c.get("kind") == "crisis"), None)
    chosen = chosen or next((c for c in customs if c.get("kind") in ("answer", "clarify")), None)
    with_kind = [c for c in customs if c.get("kind")]
    chosen = chosen or (with_kind[-1] if with_kind else {"kind": "none"})
    answered = [c.get("service") for c in customs if c.get("kind") == "answer"]
    if chosen.get("kind") == "network" and chosen.get("services"):
        # "who can I chat with now?": the reply lists the services open or opening soonest, the one
        # the message is about first; it is scored as an answer from that first service.
        chosen = {**chosen, "kind": "answer", "service": chosen["services"][0], "_network": True}
    return {**chosen, "_kinds": kinds, "_answered": answered}


def outcome(reply: dict[str, Any], expected: list[str]) -> str:
    kind = reply.get("kind")
    if kind == "crisis" and set(reply.get("_answered") or []) & set(expected):
        # the crisis answer, then the answer to the question the message also asked
        return "right"
    if kind == "answer":
        return "right" if reply.get("service") in expected else "wrong"
    if kind == "clarify":
        services = {o.get("service") for o in reply.get("options") or []}
        return "clarify+" if services & set(expected) else "clarify-"
    return "other"


def turn_met(reply: dict[str, Any], expect: dict[str, Any]) -> bool:
    kinds = as_list(expect.get("kind"))
    if kinds and reply.get("kind") not in kinds and not set(reply.get("_kinds") or []) & set(kinds):
        return False
    services = as_list(expect.get("service"))
    if services and reply.get("kind") == "answer" and reply.get("service") not in services:
        return False
    categories = as_list(expect.get("category"))
    if categories and reply.get("kind") == "crisis" and reply.get("category") not in categories:
        return False
    langs = as_list(expect.get("lang"))
    return not (langs and reply.get("lang") not in langs)


@dataclass
class SingleResult:
    item: dict[str, Any]
    reply: dict[str, Any]
    outcome: str


def run_single(url: str, item: dict[str, Any]) -> SingleResult:
    reply = main_reply(send(url, f"eval-{uuid.uuid4().hex}", item["text"]))
    return SingleResult(item, reply, outcome(reply, as_list(item["expected"])))


def run_dialogue(url: str, dialogue: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, dict, bool]]]:
    sender = f"eval-{uuid.uuid4().hex}"
    turns = []
    for turn in dialogue["turns"]:
        reply = main_reply(send(url, sender, turn["user"]))
        turns.append((turn["user"], reply, turn_met(reply, turn.get("expect") or {})))
    return dialogue, turns


def share_line(label: str, counts: Counter, total: int) -> str:
    cells = "  ".join(f"{name} {counts[name] / total:5.3f}" for name in OUTCOMES) if total else "(none)"
    return f"  {label:<8} n={total:<4} {cells}"


def grouped(results: list[SingleResult], subset: str, in_subset: Callable[[dict], bool]) -> dict[str, list[SingleResult]]:
    """The results by language, the `subset` whose items `in_subset` holds for, and "all"."""
    groups: dict[str, list[SingleResult]] = defaultdict(list)
    for result in results:
        groups[result.item["lang"]].append(result)
        if in_subset(result.item):
            groups[subset].append(result)
        groups["all"].append(result)
    return groups


def kinds_line(label: str, replies: list[dict[str, Any]]) -> str:
    """How many replies of each kind (with the reason, for fallbacks): "  label: kind n, ..."."""
    kinds = Counter(r.get("kind") + (f":{r.get('reason')}" if r.get("reason") else "") for r in replies)
    return f"  {label}: " + (", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none")


def got(reply: dict[str, Any]) -> Any:
    """The answer's service, or the services a clarify offered."""
    return reply.get("service") or [o.get("service") for o in reply.get("options") or []]


def report_singles(results: list[SingleResult], show: bool, name: str, kinds_only: bool = False) -> None:
    groups = grouped(results, "hard", lambda item: bool(item.get("hard")))
    print(f"End to end, single messages ({name}), over REST:")
    for label in (*LANGS, "hard", "all"):
        group = groups.get(label, [])
        print(share_line(label, Counter(r.outcome for r in group), len(group)))
    print(kinds_line("other kinds", [r.reply for r in results if r.outcome == "other"]))
    after_crisis = sum(r.outcome == "right" and r.reply.get("kind") == "crisis" for r in results)
    if after_crisis:
        print(f"  right answers given after a crisis answer (counted as right): {after_crisis}")
    if kinds_only:
        # what went wrong, without the messages: safe to print for a holdout set
        pairs = Counter(
            f"{'/'.join(as_list(r.item['expected']))} -> {r.reply.get('kind')}"
            f" {r.reply.get('service') or r.reply.get('reason') or r.reply.get('category') or ''}".rstrip()
            for r in results if r.outcome in ("wrong", "other", "clarify-")
        )
        for pair, count in pairs.most_common():
            print(f"    {count:>2}  {pair}")
    if show:
        for r in results:
            if r.outcome != "right":
                print(f"    {r.outcome:<9} {r.item['lang']} {r.item['text']!r} expected {r.item['expected']} "
                      f"got {r.reply.get('kind')} {got(r.reply)}")


def report_dialogues(
    results: list[tuple[dict, list[tuple[str, dict, bool]]]], show: bool, name: str, kinds_only: bool = False
) -> None:
    by_tag: dict[str, list[bool]] = defaultdict(list)
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for dialogue, turns in results:
        ok = all(met for _, _, met in turns)
        for tag in as_list(dialogue.get("tags")) or ["untagged"]:
            by_tag[tag].append(ok)
        by_lang[dialogue.get("lang", "?")].append(ok)
        by_lang["all"].append(ok)
    print(f"End to end, dialogues ({name}): share of dialogues where every turn was right")
    for label, oks in sorted(by_tag.items()):
        print(f"  {label:<20} {sum(oks):>3}/{len(oks):<3} {sum(oks) / len(oks):5.3f}")
    for label in (*LANGS, "all"):
        oks = by_lang.get(label, [])
        if oks:
            print(f"  {label:<20} {sum(oks):>3}/{len(oks):<3} {sum(oks) / len(oks):5.3f}")
    if kinds_only:
        failures = Counter()
        for dialogue, turns in results:
            for number, ((_, reply, met), turn) in enumerate(zip(turns, dialogue["turns"]), start=1):
                if not met:
                    expect = turn.get("expect") or {}
                    failures[f"{'/'.join(as_list(dialogue.get('tags')))} turn {number}: expected "
                             f"{'/'.join(as_list(expect.get('kind')))} {'/'.join(as_list(expect.get('service')))}"
                             f" got {reply.get('kind')} {reply.get('service') or reply.get('reason') or ''}".rstrip()] += 1
                    break
        for failure, count in failures.most_common():
            print(f"    {count:>2}  {failure}")
    if show:
        for dialogue, turns in results:
            if not all(met for _, _, met in turns):
                print(f"    {dialogue['id']}:")
                for (user, reply, met), turn in zip(turns, dialogue["turns"]):
                    got = {k: reply.get(k) for k in ("kind", "service", "category", "lang", "reason") if reply.get(k)}
                    print(f"      {'ok ' if met else 'BAD'} {user!r} -> {got} expected {turn.get('expect')}")


def report_coverage(url: str, workers: int, show: bool) -> None:
    """Outside the catalogue the bot should say so: a confident answer there is wrong, and so is a
    clarify list (its options are unrelated). Inside, the usual outcomes."""
    data = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    outside = [{**item, "expected": []} for item in data["out_of_coverage"]]
    inside = [{**item, "expected": item["services"]} for item in data["in_coverage"]]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outside_results = list(pool.map(lambda item: run_single(url, item), outside))
        inside_results = list(pool.map(lambda item: run_single(url, item), inside))
    print(f"Coverage ({COVERAGE.name}), over REST:")
    groups = grouped(outside_results, "near_miss", lambda item: item.get("kind") == "near_miss")
    print("  out of coverage: confident answer (wrong), clarify (unrelated options), anything else (honest)")
    for label in (*LANGS, "near_miss", "all"):
        group = groups.get(label, [])
        if not group:
            continue
        kinds = Counter(r.reply.get("kind") for r in group)
        answered = kinds["answer"] / len(group)
        clarified = kinds["clarify"] / len(group)
        print(f"  {label:<10} n={len(group):<4} answer {answered:5.3f}  clarify {clarified:5.3f}  honest {1 - answered - clarified:5.3f}")
    print(kinds_line("honest kinds", [r.reply for r in outside_results if r.reply.get("kind") not in ("answer", "clarify")]))
    if show:
        for r in outside_results:
            if r.reply.get("kind") in ("answer", "clarify"):
                print(f"    {r.reply.get('kind'):<8} {r.item['lang']} {r.item['text']!r} got {got(r.reply)}")
    report_singles(inside_results, show, f"in coverage: {COVERAGE.name}")


def evaluate(url: str, show: bool, workers: int, only: str | None = None, kinds_only: bool = False) -> None:
    for name, messages_path, dialogues_path in SETS:
        if only is not None and name != only:
            continue
        messages = yaml.safe_load(messages_path.read_text(encoding="utf-8"))["messages"]
        dialogues = yaml.safe_load(dialogues_path.read_text(encoding="utf-8"))["dialogues"]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            singles = list(pool.map(lambda item: run_single(url, item), messages))
            conversations = list(pool.map(lambda d: run_dialogue(url, d), dialogues))
        show_misses = show and name not in HOLDOUTS
        report_singles(singles, show_misses, f"{name}: {messages_path.name}", kinds_only)
        print()
        report_dialogues(conversations, show_misses, f"{name}: {dialogues_path.name}", kinds_only)
        print()
    if only is None or only == "coverage":
        report_coverage(url, workers, show)
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running stack's REST webhook; without it a stack is started")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--kinds", action="store_true",
                        help="print what each miss got (expected and got service or kind), never the message")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--set", choices=[*(name for name, _, _ in SETS), "coverage"], help="only this set")
    args = parser.parse_args()
    if args.url:
        evaluate(args.url, args.show, args.workers, args.set, args.kinds)
        return 0
    with tempfile.TemporaryDirectory(prefix="eval-e2e-") as var_dir:
        config = stack.StackConfig(ports=stack.free_ports(stack.DEFAULT_PORTS), var_dir=Path(var_dir),
                                   tracker_ttl_seconds=600)
        running = stack.Stack(config)
        running.start(timeout_seconds=300)
        try:
            evaluate(config.urls()["rest"], args.show, args.workers, args.set, args.kinds)
        finally:
            running.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
