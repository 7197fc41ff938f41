"""The channels' one settings reader: credentials.yml first, then the environment, then the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.settings import RedisConnection, Settings
from connectors.transcript import TranscriptConfig


def test_credentials_win_then_the_environment_then_the_default():
    settings = Settings({"ttl_seconds": "60", "empty": ""}, {"TRACKER_TTL_SECONDS": "120", "EMPTY": "30"})
    assert settings.get("ttl_seconds", "TRACKER_TTL_SECONDS", 5, int) == 60
    assert Settings({}, {"TRACKER_TTL_SECONDS": "120"}).get("ttl_seconds", "TRACKER_TTL_SECONDS", 5, int) == 120
    assert Settings(None, {}).get("ttl_seconds", "TRACKER_TTL_SECONDS", 5, int) == 5
    # An empty string counts as unset, in the credentials and in the environment.
    assert settings.get("empty", "EMPTY", 1, int) == 30
    assert Settings({}, {"EMPTY": ""}).get("empty", "EMPTY", Path("x"), Path) == Path("x")


def test_a_value_that_cannot_be_read_is_an_error():
    with pytest.raises(ValueError):
        Settings({}, {"REDIS_PORT": "sixty"}).get("redis_port", "REDIS_PORT", 6379, int)


@pytest.mark.parametrize("value, expected", [("1", True), ("true", True), ("YES", True), ("0", False), ("", False)])
def test_flags(value, expected):
    assert Settings({}, {"CONSOLE_COOKIE_SECURE": value}).flag("cookie_secure", "CONSOLE_COOKIE_SECURE") is expected


def test_settings_pass_through_and_every_config_reads_the_same_values():
    env = {"REDIS_HOST": "redis", "REDIS_PORT": "6380", "REDIS_DB": "2", "REDIS_PASSWORD": "", "TRACKER_TTL_SECONDS": "600"}
    settings = Settings({"redis_db": 3}, env)
    assert Settings.of(settings) is settings
    assert RedisConnection.from_settings(settings) == RedisConnection("redis", 6380, 3, None)
    assert TranscriptConfig.from_settings(settings).ttl_seconds == 600
