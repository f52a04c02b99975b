"""In a real browser, the kata editor: Ctrl+Enter runs and Ctrl+Shift+Enter submits, Run and
Submit stay disabled while a run waits or runs, test names read as sentences, statement
examples wrap, and loading a submission asks before it replaces work."""

from __future__ import annotations

import re

from playwright.sync_api import Dialog, Page, expect

from tests.e2e.live import LiveServer, set_code

GRADED = 90_000
# Right, but slow enough that the page is seen waiting for it.
SLOW_RIGHT = (
    "import time\n\ntime.sleep(2)\n\n\n"
    "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
)


def test_shortcuts_busy_buttons_sentences_and_a_question_before_loading(
    page: Page, live_server: LiveServer
) -> None:
    live_server.register(page, "e2e_editor")
    page.goto(live_server.url + "/katas/intersection")
    run = page.get_by_role("button", name="Run")
    submit = page.get_by_role("button", name="Submit")
    expect(run).to_be_enabled()

    # Statement examples wrap inside their box instead of clipping or scrolling sideways.
    for block in page.locator(".statement pre").all():
        assert block.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-wrap"
        assert block.evaluate("el => el.scrollWidth <= el.clientWidth")

    with page.expect_response(lambda response: response.url.endswith("/draft")):
        set_code(page, SLOW_RIGHT)
    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+Enter")
    result = page.locator("#result")
    expect(page.locator("#result-heading")).to_have_text("Sample tests")
    expect(result).to_have_attribute("data-status", re.compile("queued|running"))
    expect(run).to_be_disabled()
    expect(submit).to_be_disabled()
    expect(result).to_have_attribute("data-status", "done", timeout=GRADED)
    expect(result).to_have_attribute("data-verdict", "passed")
    expect(run).to_be_enabled()
    expect(submit).to_be_enabled()
    names = [name.strip() for name in result.locator(".test-name").all_text_contents()]
    assert names and all(re.fullmatch(r"[A-Z][a-z0-9 ]+( \[.*\])?", name) for name in names), names

    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+Shift+Enter")
    expect(page.locator("#result-heading")).to_have_text("All tests")
    expect(submit).to_be_disabled()
    expect(result).to_have_attribute("data-verdict", "passed", timeout=GRADED)
    expect(result.locator(".unlocked-now")).to_contain_text("other approaches")

    # Typing, then loading the first run's code: the editor asks, and "Cancel" keeps the work.
    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("# my unsaved thought")
    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.locator("#history .load-button").last.click()
    expect(page.locator("#editor .cm-content")).to_contain_text("# my unsaved thought")
    assert asked and "Your current code will be lost" in asked[0]
    assert page.url == live_server.url + "/katas/intersection"
