"""An output channel that keeps each bot turn as one message: text, buttons and payload together."""

from __future__ import annotations

from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel

DEFAULT_LANG = "nb"


def bot_message(recipient_id: str, message: dict[str, Any]) -> dict[str, Any]:
    custom = dict(message.get("custom") or {})
    # Every bot message carries a kind and a language, so clients can always route on them.
    custom.setdefault("kind", "message")
    custom.setdefault("lang", DEFAULT_LANG)
    merged = {
        "recipient_id": recipient_id,
        "text": message.get("text"),
        "buttons": message.get("buttons") or message.get("quick_replies"),
        "image": message.get("image"),
        "attachment": message.get("attachment"),
        "custom": custom,
    }
    return {key: value for key, value in merged.items() if value is not None}


class TurnCollectingOutputChannel(CollectingOutputChannel):
    @classmethod
    def name(cls) -> str:
        return "collector"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.messages.append(bot_message(recipient_id, message))
