"""Reading a YAML file that holds a mapping with a list under one key (the services files, the
contact channels, the knowledge base's content files), with errors that name the file.

`read_list_file(path, key, kind, error)` returns the mapping; it raises `error` (the caller's own
error class) when the file cannot be read or parsed, or is not a mapping whose `key` is a list
(a missing key counts as an empty list when `required` is False).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read_list_file(
    path: Path, key: str, kind: str, error: type[Exception], *, required: bool = True,
) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read the {kind} file: {exc}") from exc
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(items if required else (items or []), list):
        raise error(f"{path}: not a {kind} file (expected a '{key}' list)")
    return data
