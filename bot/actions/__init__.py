"""Custom actions for the Ung Veileder assistant (run by the rasa_sdk action server)."""

from .after_crisis import ActionAnswerAfterCrisis
from .answer_from_kb import ActionAnswerFromKB

__all__ = ["ActionAnswerAfterCrisis", "ActionAnswerFromKB"]
