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


def test_the_catalogue_is_both_services_files():
    default = KBConfig.from_env({})
    assert [path.name for path in default.catalogue_files] == ["services.yml", "services-added.yml"]
    moved = KBConfig.from_env({"KB_SERVICES_FILE": "/srv/a.yml", "KB_SERVICES_ADDED_FILE": "/srv/b.yml"})
    assert [str(path) for path in moved.catalogue_files] == ["/srv/a.yml", "/srv/b.yml"]
