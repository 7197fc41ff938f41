"""Offline training helpers for the knowledge base (not used at run time)."""
