"""The human-readable API page: Swagger UI from vendored files over /api/openapi.json, under
the same strict Content-Security-Policy as every page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import one, page


def test_the_api_page_serves_vendored_swagger_ui_over_the_schema(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = page(response)
    assert one(html, "#swagger-ui").attributes["data-spec"] == "/api/openapi.json"
    assert client.get("/api/openapi.json").json()["paths"]
    scripts = [str(node.attributes["src"]) for node in html.css("script[src]")]
    styles = [str(node.attributes["href"]) for node in html.css("link[rel=stylesheet]")]
    swagger = [url for url in scripts + styles if "/swagger-ui-" in url]
    assert len(swagger) == 2 and all(url.startswith("/static/vendor/") for url in swagger)
    for url in [*swagger, "/static/api-docs.js"]:
        assert client.get(url).status_code == 200, url
    assert not any(url.startswith(("http:", "https:", "//")) for url in scripts + styles)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe" not in policy
    assert html.css_first("script:not([src])") is None  # no inline script to allow
    # Every page links to it.
    assert one(page(client.get("/questions")), 'footer a[href="/api/docs"]') is not None
