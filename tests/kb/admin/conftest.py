"""Store mode: two real knowledge-base processes (replicas) sharing a real Redis, and an account
for each role. The service seeds the empty store from the fixture content."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from support.kb_admin import PASSWORD, SERVICE_TOKEN
from support.processes import start_kb, start_redis

USERS = {
    "admin": ("admin", []),
    "nav-editor": ("editor", ["nav"]),
    "nav-reviewer": ("reviewer", ["nav"]),
    "skatt-editor": ("editor", ["skatteetaten"]),
    "skatt-reviewer": ("reviewer", ["skatteetaten"]),
}


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    process, port = start_redis(tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    process.stop()


@pytest.fixture(scope="session")
def accounts(redis_url):
    async def create():
        import redis.asyncio as aioredis

        from knowledge_base.kb_service.accounts import Accounts

        client = aioredis.Redis.from_url(redis_url, decode_responses=True)
        for username, (role, directorates) in USERS.items():
            await Accounts(client).add(username, PASSWORD, role, directorates)
        await client.aclose()

    asyncio.run(create())
    return USERS


@pytest.fixture(scope="session")
def replicas(tmp_path_factory, redis_url, accounts):
    logs = tmp_path_factory.mktemp("kb")
    env = {"REDIS_URL": redis_url, "KB_SERVICE_TOKEN": SERVICE_TOKEN}
    first = start_kb(logs, extra_env=env)
    second = start_kb(logs, extra_env=env)
    yield [first[1], second[1]]
    first[0].stop()
    second[0].stop()


class AdminClient:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url + "/v1/admin", timeout=30)
        self.tokens: dict[str, str] = {}

    def login(self, username: str) -> None:
        response = self.http.post("/login", json={"username": username, "password": PASSWORD})
        assert response.status_code == 200, response.text
        self.tokens[username] = response.json()["token"]

    def call(self, user: str | None, method: str, path: str, headers: dict | None = None, **kwargs) -> httpx.Response:
        headers = {**(headers or {}), **({"Authorization": f"Bearer {self.tokens[user]}"} if user else {})}
        return self.http.request(method, path, headers=headers, **kwargs)


@pytest.fixture(scope="session")
def admin_client(replicas) -> AdminClient:
    client = AdminClient(replicas[0])
    for username in USERS:
        client.login(username)
    return client
