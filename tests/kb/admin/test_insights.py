"""Learning from use: unconfident searches, thumbs down and handoffs, grouped per directorate."""

from __future__ import annotations

import time

import httpx
import redis

from support.kb_admin import SERVICE_TOKEN


def search(base: str, q: str, token: str | None = SERVICE_TOKEN) -> dict:
    """A search as the bot makes it (with the service token), or anonymously (token None)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(f"{base}/v1/search", params={"q": q, "k": 3}, headers=headers).json()


def wait_for(predicate, seconds: float = 5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_questions_the_bot_could_not_answer_are_grouped_redacted_and_can_become_phrasings(admin_client, replicas, redis_url):
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    # Earlier tests searched too (the replicas are shared): start from empty logs.
    client.delete("uv:insights:unanswered", "uv:feedback:log", "uv:insights:handoffs", "uv:insights:dismissed")
    asked = ["kan jeg få skattekort til hunden min", "skattekort for hund?", "får hunden min skattekort",
             "ring meg på 912 34 567 om skattekort til hund"]
    for question in asked:
        assert search(replicas[1], question)["confident"] is False
    # A thumbs down and a handoff, as the widget channel writes them.
    client.xadd("uv:feedback:log", {"entry_id": "fixture-skattekort", "vote": "down", "lang": "nb",
                                     "question": "trenger jeg skattekort når jeg jobber gratis", "ts": str(int(time.time() * 1000))})
    client.xadd("uv:insights:handoffs", {"team": "skatt", "service": "skatteetaten", "priority": "normal",
                                          "question": "skatten min er feil, hva gjør jeg", "ts": str(int(time.time() * 1000))})

    def skatt_groups():
        groups = admin_client.call("skatt-editor", "GET", "/insights/unanswered").json()["groups"]
        return groups if any("hund" in g["example"] for g in groups) else None

    groups = wait_for(skatt_groups)
    dog = next(g for g in groups if "hund" in g["example"])
    assert dog["count"] >= 3 and dog["kinds"]["not_confident"] >= 3 and dog["directorate"] == "skatteetaten"
    every_question = [q for g in groups for q in g["questions"]]
    assert not any("912 34 567" in q for q in every_question)
    assert any(g["kinds"]["thumbs_down"] for g in groups) and any(g["kinds"]["handoff"] for g in groups)

    # Another directorate's editor does not see them.
    nav = admin_client.call("nav-editor", "GET", "/insights/unanswered").json()["groups"]
    assert not any(g["directorate"] == "skatteetaten" for g in nav)
    assert admin_client.call("nav-editor", "POST", f"/insights/unanswered/{dog['id']}/attach", json={"entry_id": "fixture-skattekort"}).status_code == 404

    attached = admin_client.call("skatt-editor", "POST", f"/insights/unanswered/{dog['id']}/attach", json={"entry_id": "fixture-skattekort"})
    assert attached.status_code == 200, attached.text
    assert dog["example"] in attached.json()["working"]["phrasings"]
    assert attached.json()["state"]["status"] == "draft"
    after = admin_client.call("skatt-editor", "GET", "/insights/unanswered").json()["groups"]
    assert dog["id"] not in {g["id"] for g in after}


def test_stats_per_directorate(admin_client, replicas):
    search(replicas[0], "hvordan får jeg skattekort")
    rows = wait_for(lambda: [r for r in admin_client.call("admin", "GET", "/insights/stats").json()["directorates"]
                             if r["directorate"] == "skatteetaten" and r["searches"]])
    row = rows[0]
    assert 0 <= row["confident_share"] <= 1 and 0 <= row["answered_share"] <= 1
    assert {"thumbs_up", "thumbs_down", "handoffs"} <= set(row)
    own = admin_client.call("nav-editor", "GET", "/insights/stats").json()["directorates"]
    assert all(r["directorate"] == "nav" for r in own)


def test_learning_from_use_data_expires(replicas, redis_url):
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    search(replicas[0], "noe helt annet enn skatt 42")
    stats = wait_for(lambda: [k for k in client.scan_iter(match="uv:insights:stats:*")])
    assert all(0 < client.ttl(key) <= 90 * 24 * 3600 for key in stats)
    # Rows older than the retention are trimmed on the next write.
    old = int(time.time() * 1000) - 91 * 24 * 3600 * 1000
    client.delete("uv:insights:unanswered")
    client.xadd("uv:insights:unanswered", {"question": "gammel", "service": "", "entry_id": "", "score": "0", "ts": str(old)}, id=f"{old}-0")
    search(replicas[0], "enda et spørsmål uten svar 43")
    wait_for(lambda: not [row for _, row in client.xrange("uv:insights:unanswered") if row["question"] == "gammel"])


def test_only_the_bots_searches_are_logged_for_the_content_owners(replicas, redis_url):
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.delete("uv:insights:unanswered")
    for token in (None, "wrong-token", "Bearer"):
        assert search(replicas[0], "noe helt annet om katter 77", token=token)["confident"] is False
    time.sleep(0.5)  # logging runs in the background
    assert client.xlen("uv:insights:unanswered") == 0
    search(replicas[0], "noe helt annet om katter 78")
    wait_for(lambda: client.xlen("uv:insights:unanswered") == 1)
