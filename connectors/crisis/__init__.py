"""The crisis safety layer: detection and crisis answers that depend on nothing else running."""

from .answers import crisis_message
from .detector import CrisisSignal, detect, detect_crisis

__all__ = ["CrisisSignal", "crisis_message", "detect", "detect_crisis"]
