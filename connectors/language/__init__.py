"""Per-message language detection: nb, nn, en, or other."""

from .detector import LANGUAGES, LanguageGuess, count_markers, detect_language, guess_language

__all__ = ["LANGUAGES", "LanguageGuess", "count_markers", "detect_language", "guess_language"]
