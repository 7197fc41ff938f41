"""Knowledge-base service: validated FAQ content, embedded and searchable over HTTP."""

from .app import create_app
from .config import KBConfig

__all__ = ["KBConfig", "create_app"]
