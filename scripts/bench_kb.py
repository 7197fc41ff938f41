"""Knowledge-base benchmark: `make bench`.

Prints index build time (every text embedded on the first run; later runs read the vector cache), the service's start time with the vector
cache warm, search latency p50/p95 in-process and over HTTP (a real server on loopback), at the
shipped content size and at 10,000 entries (marked copies of the shipped ones), and the service
process's peak memory. Bounded: a fixed number of queries, loopback only.
"""

from __future__ import annotations

import os

# As the service runs (see scripts/stack.py): BLAS threads only fight torch's for the cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402
from knowledge_base.kb_service.config import KBConfig  # noqa: E402
from knowledge_base.kb_service.content import load_entries  # noqa: E402
from knowledge_base.kb_service.embedding import EmbeddingCache, load_embedder  # noqa: E402
from knowledge_base.kb_service.evaluation import load_routing_examples  # noqa: E402
from knowledge_base.kb_service.index import SearchIndex  # noqa: E402
from knowledge_base.kb_service.services import load_services  # noqa: E402

QUERIES = [e.text for e in load_routing_examples(ROOT / "tests" / "data" / "eval_routing.yml")]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def synthetic_content(directory: Path, copies_needed: int) -> None:
    """Copies of the shipped entries with new ids, one file per service, as the loader expects."""
    for path in sorted(KBConfig().content_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        grown = []
        for copy in range(copies_needed):
            for entry in data["entries"]:
                if copy == 0:
                    grown.append(entry)
                    continue
                # Distinct texts, so the build embeds as much as 10,000 real entries would.
                mark = f" ({copy})"
                grown.append({
                    **entry,
                    "id": f"{entry['id']}-{copy}",
                    "question": entry["question"] + mark,
                    "phrasings": [p + mark for p in entry["phrasings"]],
                })
        (directory / path.name).write_text(
            yaml.safe_dump({"entries": grown}, allow_unicode=True), encoding="utf-8"
        )


def in_process(
    content_dir: Path, embedder, queries: list[str], cache_dir: Path
) -> tuple[int, float, list[float]]:
    config = KBConfig()
    entries = load_entries(content_dir, load_services(*config.catalogue_files))
    started = time.perf_counter()
    index = SearchIndex(entries, embedder, cache=EmbeddingCache(cache_dir, config.model))
    build = time.perf_counter() - started
    latencies = []
    for query in queries:
        t = time.perf_counter()
        index.search(query, 5)
        latencies.append((time.perf_counter() - t) * 1000)
    return len(entries), build, latencies


def over_http(content_dir: Path, queries: list[str], cache_dir: Path) -> tuple[list[float], float, float]:
    port = stack.free_port()
    env = stack.base_env({
        "KB_PORT": str(port), "KB_HOST": "127.0.0.1", "KB_CONTENT_DIR": str(content_dir),
        "KB_CACHE_DIR": str(cache_dir), "OPENBLAS_NUM_THREADS": "1",
    })
    log = tempfile.NamedTemporaryFile(prefix="kb-bench-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [str(stack.SERVICE_VENV / "bin" / "python"), "-m", "knowledge_base.kb_service"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        deadline = time.monotonic() + 1800
        while not stack.http_ok(base + "/healthz"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"knowledge base did not start, see {log.name}")
            time.sleep(0.5)
        start_seconds = time.monotonic() - started
        latencies = []
        for query in queries:
            url = f"{base}/v1/search?" + urllib.parse.urlencode({"q": query, "k": 5})
            t = time.perf_counter()
            with urllib.request.urlopen(url, timeout=10) as reply:
                reply.read()
            latencies.append((time.perf_counter() - t) * 1000)
        with open(f"/proc/{process.pid}/status") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return latencies, peak_kb / 1024, start_seconds
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=int, default=10_000, help="entries in the large run")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    queries = (QUERIES * (args.queries // len(QUERIES) + 1))[: args.queries]
    embedder = load_embedder()
    shipped = len(list(load_entries(KBConfig().content_dir, load_services(*KBConfig().catalogue_files))))
    runs = [("shipped", KBConfig().content_dir)]
    large_dir = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    synthetic_content(large_dir, max(1, -(-args.large // shipped)))
    runs.append(("synthetic", large_dir))
    # Kept between runs (var/ is git-ignored): only the first run pays the cold build.
    cache_dir = ROOT / "var" / "cache" / "kb-bench"
    print(
        f"{'content':<10} {'entries':>8} {'build s':>8} {'in-proc p50':>12} {'p95':>7}"
        f" {'start s':>8} {'http p50':>9} {'p95':>7} {'peak MB':>8}"
    )
    for name, directory in runs:
        size, build, local = in_process(directory, embedder, queries, cache_dir)
        # The server finds the vectors the in-process build cached: its start is a warm start.
        remote, peak, start = over_http(directory, queries, cache_dir)
        print(
            f"{name:<10} {size:>8} {build:>8.1f} {statistics.median(local):>10.1f}ms {percentile(local, 0.95):>5.1f}ms"
            f" {start:>8.1f} {statistics.median(remote):>7.1f}ms {percentile(remote, 0.95):>5.1f}ms {peak:>8.0f}"
        )
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{len(queries)} queries each; this benchmark process peaked at {own_peak:.0f} MB. 2 cores, CPU only.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
