"""Shared fixtures: the real embedding model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sanic import Sanic

from knowledge_base.kb_service import KBConfig, create_app
from knowledge_base.kb_service.embedding import load_embedder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def embedder():
    return load_embedder()


@pytest.fixture
def kb_config() -> KBConfig:
    return KBConfig(content_dir=FIXTURES / "content", cache_dir=None)


@pytest.fixture
def app(kb_config, embedder):
    Sanic.test_mode = True
    application = create_app(kb_config, embedder=embedder)
    yield application
    Sanic._app_registry.clear()


@pytest.fixture
def client(app):
    return app.asgi_client
