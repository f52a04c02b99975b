"""In a real browser: a class kata (the LRU cache) answered wrongly, its counterexample shown
as the shrunk sequence of calls, then solved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from server.config import PROJECT_ROOT
from tests.e2e.live import LiveServer, set_code

GRADED = 90_000
REFERENCE = (PROJECT_ROOT / "katas" / "lru_cache" / "reference.py").read_text(encoding="utf-8")
# Right but at capacity 3, where updating a key of a full cache evicts the oldest entry
# first: only the hidden property finds it, and its shrunk calls show it.
FULL_UPDATE_EVICTS = REFERENCE.replace(
    "        self.entries[key] = value\n",
    "        if self.capacity == 3 and key in self.entries and len(self.entries) == 3:\n"
    "            self.entries.popitem(last=False)\n"
    "        self.entries[key] = value\n",
    1,
)


def _submit(page: Page) -> Locator:
    rows = page.locator("#history tbody tr")
    before = rows.count()
    page.get_by_role("button", name="Submit").click()
    expect(rows).to_have_count(before + 1, timeout=GRADED)
    result = page.locator("#result")
    expect(result).to_have_attribute("data-status", "done")
    return result


def test_a_class_kata_shows_the_shrunk_calls_then_passes(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_stateful")
    page.goto(live_server.url + "/katas/lru_cache")
    expect(page.locator("h1")).to_contain_text("LRU cache")
    expect(page.locator(".statement")).to_contain_text("least recently used")
    expect(page.locator("label[for=source]")).to_have_text(
        "Your solution: define the class LRUCache"
    )
    editor = page.locator("#editor .cm-content")
    expect(editor).to_contain_text("class LRUCache:")
    expect(editor).to_contain_text("def put(self, key: int, value: int) -> None:")

    set_code(page, FULL_UPDATE_EVICTS)
    result = _submit(page)
    expect(result).to_have_attribute("data-verdict", "failed")
    counterexample = result.locator(".counterexample")
    expect(counterexample.locator("h3")).to_contain_text("Smallest failing sequence of calls")
    expect(result.locator(".io-input")).to_have_text(
        "lru_cache = LRUCache(3)\nlru_cache.put(0, 0)\nlru_cache.put(1, 0)\n"
        "lru_cache.get(0)\nlru_cache.put(2, 0)\nlru_cache.put(0, 0)\nlru_cache.get(1)"
    )
    expect(counterexample.locator("dt").nth(1)).to_have_text("Expected (last call)")
    expect(result.locator(".io-expected")).to_have_text("0")
    expect(result.locator(".io-got")).to_have_text("-1")
    screenshot(page, "stateful-kata-failed")

    set_code(page, REFERENCE)
    result = _submit(page)
    expect(result).to_have_attribute("data-verdict", "passed")
    expect(result.locator(".verdict-badge")).to_have_text("Passed")
