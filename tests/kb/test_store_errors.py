"""A Redis failure in any store of the knowledge base is one StoreUnavailableError (503), made by
one helper (`errors.store_call`, on the shared `common.redis.guarded`): the content store names
the Redis error, the accounts do not."""

from __future__ import annotations

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from knowledge_base.kb_service.accounts import Accounts
from knowledge_base.kb_service.errors import StoreUnavailableError
from knowledge_base.kb_service.store import ContentStore


class BrokenRedis:
    """Every command fails as when Redis is down."""

    def __getattr__(self, name):
        async def fail(*args, **kwargs):
            raise RedisConnectionError("gone")

        return fail


async def test_the_content_store_and_the_accounts_say_which_store_is_down():
    with pytest.raises(StoreUnavailableError) as content:
        await ContentStore(BrokenRedis()).is_empty()
    assert (content.value.status_code, content.value.code) == (503, "store_unavailable")
    assert str(content.value) == "The content store is unavailable (ConnectionError)."
    with pytest.raises(StoreUnavailableError) as accounts:
        await Accounts(BrokenRedis()).get("nils")
    assert str(accounts.value) == "The account store is unavailable."
