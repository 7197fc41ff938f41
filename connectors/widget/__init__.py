"""The website widget: a Rasa input channel at /webhooks/widget/ and its static assets."""

from .channel import WidgetInput

__all__ = ["WidgetInput"]
