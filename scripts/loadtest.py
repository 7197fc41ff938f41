"""`make loadtest`: N concurrent young people over the widget and the REST channel, against the
whole stack on loopback, then the same load against Rasa's bare `rasa init` assistant for
reference. Prints messages per second, p50/p95/p99 latency, errors and each process's peak
memory. A benchmark, not a test: it runs outside `make test`.

    python scripts/loadtest.py [--users 50] [--seconds 60] [--no-baseline]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402


@dataclass(frozen=True)
class Pace:
    # Seconds between a reply and the same person's next message: reading a short answer and
    # typing the next question (--think MIN,MAX; "0.5,1.5" is a stress test, not people).
    think: tuple[float, float] = (3.0, 9.0)
    # Each person's first message comes at a random moment in the first `ramp` seconds, as on a
    # website where 50 conversations are under way (--ramp; 0 = all press enter at one instant).
    ramp: float = 9.0


QUESTIONS = [
    "hvordan får jeg skattekort", "hei", "hvordan søker jeg borteboerstipend", "kva er frikort",
    "jeg trenger jobb", "how do I get a tax card", "hvor mye kan jeg tjene uten skatt",
    "når kan jeg ta lappen på moped", "takk", "jeg blir mobbet på skolen", "hva er bostøtte",
    "kan jeg få hjelp av nav", "korleis søkjer eg stipend",
]


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    messages: int = 0
    trace: list[tuple[float, float, bool]] = field(default_factory=list)  # (sent at, seconds, ok)
    error_kinds: Counter[str] = field(default_factory=Counter)

    def add(self, seconds: float, error: str | None) -> None:
        self.messages += 1
        self.trace.append((time.monotonic() - seconds, seconds, error is None))
        if error is None:
            self.latencies.append(seconds)
        else:
            self.errors += 1
            self.error_kinds[error] += 1

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def _http_error(response: aiohttp.ClientResponse) -> str | None:
    return None if response.status == 200 else f"HTTP {response.status}"


async def rest_user(http: aiohttp.ClientSession, url: str, deadline: float, results: Results, pace: Pace) -> None:
    sender = f"load-{uuid.uuid4().hex[:12]}"
    await asyncio.sleep(random.uniform(0, pace.ramp))
    while time.monotonic() < deadline:
        body = {"sender": sender, "message": random.choice(QUESTIONS)}
        started = time.monotonic()
        try:
            async with http.post(url, json=body) as response:
                error = _http_error(response) or (None if await response.json() else "no reply")
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            error = type(exc).__name__
        results.add(time.monotonic() - started, error)
        await asyncio.sleep(random.uniform(*pace.think))


async def widget_user(http: aiohttp.ClientSession, base: str, deadline: float, results: Results, pace: Pace) -> None:
    await asyncio.sleep(random.uniform(0, pace.ramp))
    async with http.post(f"{base}/session", data="{}") as response:
        session = (await response.json())["session"]
    while time.monotonic() < deadline:
        body = {"session": session, "message": random.choice(QUESTIONS), "client_id": uuid.uuid4().hex, "metadata": {"lang": "nb"}}
        started = time.monotonic()
        try:
            async with http.post(f"{base}/message", data=json.dumps(body)) as response:
                error = _http_error(response) or (None if (await response.json())["messages"] else "no reply")
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, KeyError) as exc:
            error = type(exc).__name__
        results.add(time.monotonic() - started, error)
        await asyncio.sleep(random.uniform(*pace.think))


async def run_load(users: int, seconds: float, rest_url: str, widget_base: str | None, pace: Pace) -> Results:
    results = Results()
    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=users * 2)
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        tasks = []
        for n in range(users):
            if widget_base and n % 2:
                tasks.append(widget_user(http, widget_base, deadline, results, pace))
            else:
                tasks.append(rest_user(http, rest_url, deadline, results, pace))
        await asyncio.gather(*tasks)
    return results


def peak_memory_mb(pid: int) -> float:
    """VmHWM of a process and its children (the high-water mark of resident memory)."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{candidate}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [g for c in found for g in _children(c)]


def report(name: str, results: Results, seconds: float) -> None:
    print(f"{name:<28} {results.messages / seconds:8.1f} msg/s   p50 {results.percentile(0.5):7.0f} ms   "
          f"p95 {results.percentile(0.95):7.0f} ms   p99 {results.percentile(0.99):7.0f} ms   errors {results.errors}")
    if results.error_kinds:
        print(" " * 29 + "errors by kind: " + ", ".join(f"{kind} {n}" for kind, n in results.error_kinds.most_common()))


def baseline(users: int, seconds: float, workdir: Path, pace: Pace) -> Results | None:
    """Rasa's own `rasa init` assistant, trained and served here, under the same REST load."""
    rasa = str(stack.BOT_VENV / "bin" / "rasa")
    env = stack.base_env({})
    workdir.mkdir(parents=True, exist_ok=True)
    print("Training the bare `rasa init` assistant for the baseline ...", flush=True)
    subprocess.run([rasa, "init", "--no-prompt", "--init-dir", str(workdir)], cwd=workdir, env=env,
                   check=True, capture_output=True, timeout=1200)
    port = stack.free_port()
    process = subprocess.Popen([rasa, "run", "--port", str(port), "--interface", "127.0.0.1"], cwd=workdir, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not stack.http_ok(f"http://127.0.0.1:{port}/"):
            if time.monotonic() > deadline or process.poll() is not None:
                print("the baseline assistant did not start")
                return None
            time.sleep(1)
        return asyncio.run(run_load(users, seconds, f"http://127.0.0.1:{port}/webhooks/rest/webhook", None, pace))
    finally:
        process.terminate()
        process.wait(timeout=30)


def write_trace(path: Path, results: Results) -> None:
    first = min((sent for sent, _, _ in results.trace), default=0.0)
    lines = ["sent_s,latency_ms,ok"] + [f"{sent - first:.3f},{seconds * 1000:.1f},{int(ok)}" for sent, seconds, ok in results.trace]
    path.write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--think", default="3,9", help="seconds between messages per person, MIN,MAX")
    parser.add_argument("--ramp", type=float, help="seconds over which the first messages are spread (default: MAX of --think)")
    parser.add_argument("--trace", type=Path, help="write each message's send time and latency here (CSV)")
    args = parser.parse_args()
    low, high = (float(x) for x in args.think.split(","))
    pace = Pace(think=(low, high), ramp=high if args.ramp is None else args.ramp)
    if not 1 <= args.users <= 500 or not 1 <= args.seconds <= 600:
        parser.error("--users 1-500 and --seconds 1-600: this runs on loopback, bounded")

    workdir = Path(tempfile.mkdtemp(prefix="uv-load-"))
    config = stack.StackConfig(
        ports=stack.free_ports(stack.DEFAULT_PORTS), var_dir=workdir / "stack", tracker_ttl_seconds=600,
        # Every simulated young person comes from 127.0.0.1: the per-address limit on new
        # conversations would otherwise stop a load test of more than 60 widget users.
        extra_env={"WIDGET_SESSIONS_PER_ADDRESS": "1000000"},
    )
    started = stack.Stack(config)
    try:
        print(f"Starting the stack for {args.users} concurrent young people, {args.seconds:.0f} s ...", flush=True)
        started.start(timeout_seconds=300)
        urls = config.urls()
        widget_base = urls["widget_demo"].rsplit("/", 1)[0]
        pids = {name: process.popen.pid for name, process in started.processes.items() if process.popen}
        if started.redis and started.redis.popen:
            pids["redis"] = started.redis.popen.pid
        cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        ours = asyncio.run(run_load(args.users, args.seconds, urls["rest"], widget_base, pace))
        cpu = {name: cpu_seconds(pid) - cpu_before[name] for name, pid in pids.items()}
        memory = {name: peak_memory_mb(pid) for name, pid in pids.items()}
    finally:
        started.stop()
    if args.trace:
        write_trace(args.trace, ours)
    print()
    report("Ung Veileder", ours, args.seconds)  # now, in case the baseline fails
    reference = None if args.no_baseline else baseline(args.users, args.seconds, workdir / "baseline", pace)
    print()
    print(f"{args.users} concurrent conversations for {args.seconds:.0f} s (half widget, half REST; first messages spread "
          f"over {pace.ramp:g} s, then {pace.think[0]:g}-{pace.think[1]:g} s between a reply and the next message), loopback, "
          f"this machine ({stack.os.cpu_count()} cores)")
    report("Ung Veileder", ours, args.seconds)
    if reference is not None:
        report("bare `rasa init` assistant", reference, args.seconds)
        ratio = ours.percentile(0.5) / reference.percentile(0.5) if reference.latencies else float("nan")
        print(f"our p50 is {ratio:.1f}x the bare assistant's p50")
    print("peak memory: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory.items()))
    per_message = {name: 1000 * seconds / max(1, ours.messages) for name, seconds in cpu.items()}
    print("CPU per message: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in per_message.items()))
    shutil.rmtree(workdir, ignore_errors=True)
    target = ours.errors == 0 and ours.percentile(0.95) <= 1000
    print(f"target (0 errors, p95 <= 1 s): {'met' if target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
