from __future__ import annotations

import dataclasses

import pytest
from sanic import Sanic

from common import staff
from knowledge_base.kb_service import create_app

CONTRACT_FIELDS = {"entry_id", "service", "directorate", "title", "answer", "url", "score"}


async def test_healthz_reports_loaded_index(client):
    _, response = await client.get("/healthz")
    assert response.status == 200
    assert response.json["status"] == "ok"
    assert response.json["entries"] == 3


async def test_search_routes_tax_card_question_to_skatteetaten(client):
    _, response = await client.get("/v1/search", params={"q": "hvordan får jeg skattekort", "k": 3})
    assert response.status == 200
    body = response.json
    assert set(body) == {"results", "confident", "in_domain", "named"}
    assert 0.0 <= body["in_domain"] <= 1.0
    assert body["named"] == []
    top = body["results"][0]
    assert CONTRACT_FIELDS <= set(top)
    assert top["service"] == "skatteetaten"
    assert top["entry_id"] == "fixture-skattekort"
    assert top["service_name"] == "Skatteetaten"
    assert body["confident"] is True


async def test_results_are_ordered_by_score_and_respect_k(client):
    _, response = await client.get("/v1/search", params={"q": "moped", "k": 2})
    scores = [result["score"] for result in response.json["results"]]
    assert 1 <= len(scores) <= 2
    assert scores == sorted(scores, reverse=True)


async def test_each_entry_appears_once(client):
    _, response = await client.get("/v1/search", params={"q": "stipend", "k": 20})
    ids = [result["entry_id"] for result in response.json["results"]]
    assert len(ids) == len(set(ids))


async def test_unrelated_question_is_not_confident(client):
    _, response = await client.get("/v1/search", params={"q": "hvem vinner fotball-VM i år"})
    assert response.status == 200
    assert response.json["confident"] is False


async def test_url_falls_back_to_the_service_site(client):
    _, response = await client.get("/v1/entries/fixture-borteboer")
    assert response.json["url"] == "https://www.lanekassen.no"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 1001},
        {"q": "skattekort", "k": "0"},
        {"q": "skattekort", "k": "21"},
        {"q": "skattekort", "k": "-1"},
        {"q": "skattekort", "k": "fem"},
    ],
)
async def test_bad_queries_get_400_with_json_error(client, params):
    _, response = await client.get("/v1/search", params=params)
    assert response.status == 400
    assert response.json["error"]["code"] == "invalid_query"
    assert response.json["error"]["message"]


async def test_query_of_exactly_1000_characters_is_accepted(client):
    _, response = await client.get("/v1/search", params={"q": "skattekort " * 90 + "x" * 10})
    assert response.status == 200


async def test_script_tags_are_just_text(client):
    _, response = await client.get("/v1/search", params={"q": "<script>alert(1)</script>"})
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/json")


async def test_get_entry_by_id(client):
    _, response = await client.get("/v1/entries/fixture-moped")
    assert response.status == 200
    assert response.json["entry_id"] == "fixture-moped"
    assert response.json["service"] == "vegvesen"


async def test_unknown_entry_is_404_json(client):
    _, response = await client.get("/v1/entries/no-such-entry")
    assert response.status == 404
    assert response.json["error"]["code"] == "entry_not_found"


async def test_unknown_route_is_404_json(client):
    _, response = await client.get("/v1/nowhere")
    assert response.status == 404
    assert "error" in response.json


async def test_wrong_method_is_405_json(client):
    _, response = await client.post("/v1/search", content=b"{}")
    assert response.status == 405
    assert "error" in response.json


def test_prefiltered_search_ranks_like_the_exact_one(app, monkeypatch):
    import knowledge_base.kb_service.index as index_module

    index = app.ctx.index
    questions = ["hvordan får jeg skattekort", "borteboer stipend", "moped lappen", "how do I get a tax card"]
    exact = [[(h.entry.id, round(h.score, 4)) for h in index.search(q, 3)] for q in questions]
    monkeypatch.setattr(index_module, "PREFILTER_ABOVE_TEXTS", 0)
    monkeypatch.setattr(index_module, "PREFILTER_CANDIDATES", 2)
    prefiltered = [[(h.entry.id, round(h.score, 4)) for h in index.search(q, 3)] for q in questions]
    assert [row[0] for row in prefiltered] == [row[0] for row in exact]


async def test_without_a_content_store_the_admin_api_says_so(client):
    _, response = await client.get("/v1/admin/entries")
    assert response.status == 503
    # its own reason, not an outage's: the admin page tells content owners editing is off here
    assert response.json["error"]["reason"] == "files_only"
    assert response.json["error"]["code"] == "store_unavailable"


async def test_the_openapi_document_is_served(client):
    _, response = await client.get("/openapi.json")
    assert response.status == 200
    assert "/v1/search" in response.json["paths"]


async def test_every_response_carries_the_baseline_security_headers(client):
    for path in ("/healthz", "/v1/search?q=skattekort&k=1", "/v1/search?q=", "/no-such-path", "/openapi.json"):
        _, response = await client.get(path)
        assert response.headers.get("x-content-type-options") == "nosniff", path
        assert response.headers.get("referrer-policy") == "no-referrer", path
    _, page = await client.get("/admin/")
    assert "script-src 'self'" in page.headers.get("content-security-policy", "")  # the page's own CSP is kept


async def test_the_admin_pages_serve_the_staff_pages_shared_files_and_login_form(client):
    _, page = await client.get("/admin/")
    assert '<form id="login-form"' in page.text and "<!-- staff:" not in page.text
    for name, content_type in (("staff.css", "text/css"), ("staff.js", "application/javascript")):
        _, response = await client.get("/admin/static/" + name)
        assert response.status == 200, name
        assert response.headers["content-type"].startswith(content_type)
        assert "script-src 'self'" in response.headers.get("content-security-policy", "")
        assert response.body == (staff.STAFF_DIR / name).read_bytes()


async def test_the_admin_pages_serve_the_vendored_lit_beside_their_own_files(client):
    for name in staff.VENDORED:   # the admin page's modules import it from beside them
        _, response = await client.get("/admin/static/" + name)
        assert response.status == 200, name
        assert response.headers["content-type"].startswith("application/javascript")
        assert "script-src 'self'" in response.headers.get("content-security-policy", "")
        assert response.body == (staff.VENDOR_DIR / name).read_bytes()
    # Only the vendored files themselves, not their record.
    _, response = await client.get("/admin/static/VENDORED.json")
    assert response.status == 404


async def test_the_docs_page_is_off_by_default_and_framed_by_nobody_when_on(client, kb_config, embedder):
    # sanic-ext's /docs loads its script from a CDN without integrity: off unless KB_DOCS=1.
    for path in ("/docs", "/docs/swagger", "/docs/redoc"):
        _, response = await client.get(path)
        assert response.status == 404, path
    Sanic._app_registry.clear()
    with_docs = create_app(dataclasses.replace(kb_config, docs=True), embedder=embedder)
    for path in ("/docs", "/docs/swagger"):
        _, docs = await with_docs.asgi_client.get(path)
        assert docs.status == 200 and docs.content_type.startswith("text/html"), path
        assert docs.headers.get("content-security-policy") == "frame-ancestors 'none'", path


async def test_a_follow_up_is_searched_in_the_context_of_the_last_question(client):
    params = {"q": "og hvis jeg bor hjemme?", "k": 3, "context": "hvordan søker jeg borteboerstipend"}
    _, response = await client.get("/v1/search", params=params)
    assert response.status == 200
    assert set(response.json) == {"results", "confident", "in_domain", "named", "in_context"}
    in_context = response.json["in_context"]
    assert set(in_context) == {"results", "confident"}
    assert in_context["results"][0]["service"] == "lanekassen"
    assert CONTRACT_FIELDS <= set(in_context["results"][0])


async def test_a_blank_context_is_no_context_and_a_long_one_is_400(client):
    _, response = await client.get("/v1/search", params={"q": "moped", "context": "  "})
    assert "in_context" not in response.json
    _, response = await client.get("/v1/search", params={"q": "moped", "context": "x" * 1001})
    assert response.status == 400
    assert response.json["error"]["code"]


async def test_the_services_a_question_names_come_with_the_results(client):
    _, response = await client.get("/v1/search", params={"q": "hva med lånekassen og NAV da?", "k": 3})
    assert response.status == 200
    assert response.json["named"] == ["lanekassen", "nav"]
