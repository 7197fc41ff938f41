"""Shared by the knowledge-base admin tests."""

PASSWORD = "riktig-hest-batteri"
