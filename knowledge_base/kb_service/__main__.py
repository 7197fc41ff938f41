"""Run the knowledge-base service: `python -m knowledge_base.kb_service`."""

from __future__ import annotations

import logging
import sys

from .app import create_app
from .config import KBConfig
from .errors import ContentError


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    config = KBConfig.from_env()
    try:
        app = create_app(config)
    except ContentError as exc:
        print(f"knowledge base: invalid content, not starting:\n  {exc}", file=sys.stderr)
        return 2
    # One process: the embedding model is loaded once, not per worker.
    app.run(host=config.host, port=config.port, single_process=True, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
