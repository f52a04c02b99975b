"""In a real browser, an SQL kata: the editor highlights SQL, a wrong query's report shows the
counterexample's tables and both results as text, and the right query passes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.live import LiveServer, set_code

GRADED = 90_000
KATA = "sql_orders_per_customer"
# An inner join loses the customers without orders.
INNER_JOIN = (
    "SELECT c.id, c.name, COUNT(*)\nFROM customers AS c\n"
    "JOIN orders AS o ON o.customer_id = c.id\nGROUP BY c.id, c.name;\n"
)
LEFT_JOIN = (
    "SELECT c.id, c.name, COUNT(o.id)\nFROM customers AS c\n"
    "LEFT JOIN orders AS o ON o.customer_id = c.id\nGROUP BY c.id;\n"
)


def test_wrong_query_shows_tables_then_right_query_passes(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_sql")
    page.goto(live_server.url + f"/katas/{KATA}")
    expect(page.get_by_text("Your solution: an SQLite query")).to_be_visible()
    # The SQL language mode marks keywords (SELECT in the starter's comment is not one).
    with page.expect_response(lambda response: response.url.endswith("/draft")):
        set_code(page, INNER_JOIN)
    editor = page.locator("#editor .cm-content")
    expect(editor).to_contain_text("JOIN orders")
    keyword = editor.locator("span", has_text="SELECT").first
    expect(keyword).to_be_visible()
    assert keyword.evaluate("el => getComputedStyle(el).color") != editor.evaluate(
        "el => getComputedStyle(el).color"
    )

    page.get_by_role("button", name="Run").click()
    result = page.locator("#result")
    expect(result).to_have_attribute("data-status", "done", timeout=GRADED)
    expect(result).to_have_attribute("data-verdict", "failed")
    shown = result.locator(".io-input")
    expect(shown).to_contain_text("customers")
    expect(shown).to_contain_text("id | customer_id | amount")
    expect(shown).to_contain_text("NULL")
    expect(result.locator(".io-expected")).to_contain_text("'Bob' | 0")
    expect(result.locator(".io-got")).not_to_contain_text("'Bob'")
    screenshot(page, "sql_kata_counterexample")

    with page.expect_response(lambda response: response.url.endswith("/draft")):
        set_code(page, LEFT_JOIN)
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#result-heading")).to_have_text("All tests")
    expect(result).to_have_attribute("data-verdict", "passed", timeout=GRADED)
