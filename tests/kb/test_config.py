"""The service's settings come from the environment, with documented defaults."""

from __future__ import annotations

from knowledge_base.kb_service.config import KBConfig


def test_defaults_without_environment():
    config = KBConfig.from_env({})
    assert (config.port, config.redis_url, config.insights_retention_days) == (8080, None, 90)


def test_the_environment_overrides():
    config = KBConfig.from_env({"KB_PORT": "9090", "REDIS_HOST": "redis", "INSIGHTS_RETENTION_DAYS": "30"})
    assert config.port == 9090
    assert config.redis_url == "redis://redis:6379/0"
    assert config.insights_retention_days == 30
