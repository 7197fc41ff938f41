"""Custom actions for the Ung Veileder assistant (run by the rasa_sdk action server)."""

from .answer_from_kb import ActionAnswerFromKB

__all__ = ["ActionAnswerFromKB"]
