"""In a real browser: the API page renders every operation of the schema with Swagger UI,
under the strict CSP (a violation would be a console error, failing the test)."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from tests.e2e.live import LiveServer


def test_the_api_page_shows_every_operation(page: Page, live_server: LiveServer) -> None:
    with urllib.request.urlopen(live_server.url + "/api/openapi.json") as response:
        schema = json.load(response)
    # Swagger UI shows an operation once under each of its tags.
    operations = sum(
        len(operation.get("tags") or ["default"])
        for methods in schema["paths"].values()
        for operation in methods.values()
    )
    page.goto(live_server.url + "/api/docs")
    expect(page.locator("#swagger-ui .opblock")).to_have_count(operations)
    expect(page.locator("#swagger-ui .opblock-summary-path").first).to_contain_text("/api/")
