"""Per-message language detection: nb, nn, en, or other."""

from .detector import LANGUAGES, detect_language

__all__ = ["LANGUAGES", "detect_language"]
