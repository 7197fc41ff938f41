"""Rasa input channels for Ung Veileder (they run inside the Rasa server, on Sanic 21.12)."""
