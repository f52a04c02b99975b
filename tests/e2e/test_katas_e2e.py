"""In a real browser: solve the intersection kata, first wrongly, then rightly; history, drafts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Dialog, Locator, Page, expect

from server.config import PROJECT_ROOT
from tests.e2e.live import LiveServer, set_code
from tests.factories import REPRESENTATIVE_KATAS

# A grading includes starting the sandboxes on a fresh server; allow for a slow machine.
GRADED = 90_000
FIXED = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"


def _grade(page: Page, button: str) -> Locator:
    """Click Run or Submit; the result once this submission is graded (the history grows)."""
    rows = page.locator("#history tbody tr")
    before = rows.count()
    page.get_by_role("button", name=button).click()
    expect(rows).to_have_count(before + 1, timeout=GRADED)
    result = page.locator("#result")
    expect(result).to_have_attribute("data-status", "done")
    return result


def _editor_text(page: Page) -> str:
    text: str = page.evaluate("KatabankEditor.get(document.getElementById('source')).getValue()")
    return text


def test_solve_intersection_wrong_then_right_with_history_and_draft(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_katas")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Katas", exact=True
    ).click()
    expect(page.locator("#solved-count")).to_have_text("0")
    page.get_by_role("link", name="Intersection of two arrays").click()
    expect(page).to_have_url(live_server.url + "/katas/intersection")
    expect(page.locator(".statement .math").first).to_have_attribute("data-typeset", "")
    editor = page.locator("#editor .cm-content")
    expect(editor).to_contain_text("raise NotImplementedError")
    expect(page.locator("#editor .cm-lineNumbers")).to_be_visible()
    screenshot(page, "kata-before")

    # Type like a person: CodeMirror indents the line after the colon by itself. Backspace
    # first: typing over a selection of several lines makes Chromium's own editing try an
    # inline style, which the CSP blocks (harmlessly, but the console would report it).
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type("def intersection(xs, ys):")
    page.keyboard.press("Enter")
    page.keyboard.type("return [x for x in xs if x in ys]")
    assert _editor_text(page) == (
        "def intersection(xs, ys):\n    return [x for x in xs if x in ys]"
    )
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")

    result = _grade(page, "Submit")
    expect(result).to_have_attribute("data-verdict", "failed")
    expect(result.locator(".verdict-badge")).to_have_text("Wrong answer")
    expect(result.locator(".io-input")).to_have_text("intersection([1, 0, 9, 9], [3, 0, 9, 9])")
    expect(result.locator(".io-expected")).to_have_text("[0, 9]")
    expect(result.locator(".io-got")).to_have_text("[0, 9, 9]")
    expect(page.locator("#history tbody tr")).to_have_count(1)
    screenshot(page, "kata-failed")

    set_code(page, FIXED)
    expect(_grade(page, "Run")).to_have_attribute("data-verdict", "passed")
    expect(page.locator("#result-heading")).to_have_text("Sample tests")
    expect(_grade(page, "Submit").locator(".verdict-badge")).to_have_text("Passed")
    expect(page.locator("#result-heading")).to_have_text("All tests")
    rows = page.locator("#history tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first.locator(".verdict-badge")).to_have_text("Passed")
    expect(page.locator("#history-heading .verdict-badge")).to_have_text("Solved")
    screenshot(page, "kata-passed")

    # The wrong submission, reopened from the history, then loaded back into the editor.
    rows.last.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(re.compile(r"^Submit #\d+$"))
    expect(page.locator("#result .io-got")).to_have_text("[0, 9, 9]")
    expect(page.locator(".submitted-code .cm-content")).to_contain_text("x in ys")
    screenshot(page, "kata-submission")
    # The draft (the fix) differs from this code, so loading asks first.
    asked: list[str] = []

    def accept(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Load into editor").click()
    expect(page).to_have_url(live_server.url + "/katas/intersection#editor")
    assert asked and "Replace the code in your editor" in asked[0]
    expect(editor).to_contain_text("[x for x in xs if x in ys]")

    # Back to the fix, then a reload once it is saved: the draft is what was last typed.
    with page.expect_response(lambda response: response.url.endswith("/draft")) as saved:
        set_code(page, FIXED)
    assert saved.value.ok
    page.reload()
    expect(editor).to_contain_text("set(xs) & set(ys)")
    assert _editor_text(page) == FIXED

    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Katas", exact=True).click()
    expect(page.locator("#solved-count")).to_have_text("1")
    expect(page.locator("[data-kata=intersection]")).to_have_attribute("data-state", "solved")
    nav.get_by_role("link", name="Progress", exact=True).click()
    expect(page.locator("#katas-table [data-kata=intersection] .kata-state")).to_have_text("Solved")


def test_quick_answer_beside_the_probability_kata(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_quick")
    page.goto(live_server.url + "/katas/p_consecutive")
    box = page.locator("#quick-answer")
    box.get_by_label("Your answer").fill("0.05")
    box.get_by_role("button", name="Check").click()
    expect(page.locator("#quick-answer .answer-message.wrong")).to_contain_text("0.05")
    page.locator("#quick-answer").get_by_label("Your answer").fill("11/216")
    page.locator("#quick-answer").get_by_role("button", name="Check").click()
    expect(page.locator("#quick-answer .answer-message.correct")).to_contain_text("Correct")
    expect(page.locator("#quick-answer .earlier-answers li")).to_have_count(1)
    screenshot(page, "kata-quick-answer")
    page.reload()
    expect(page.locator("#quick-answer .answer-message.correct")).to_contain_text("Correct")


def test_a_new_user_solves_representative_katas_in_the_browser(
    page: Page, live_server: LiveServer
) -> None:
    references = [PROJECT_ROOT / "katas" / kata / "reference.py" for kata in REPRESENTATIVE_KATAS]
    live_server.register(page, "e2e_representative")
    for path in references:
        page.goto(f"{live_server.url}/katas/{path.parent.name}")
        expect(page.locator("#editor .cm-content")).to_be_visible()
        set_code(page, path.read_text(encoding="utf-8"))
        expect(_grade(page, "Submit").locator(".verdict-badge")).to_have_text("Passed")
    page.goto(live_server.url + "/katas")
    solved = str(len(REPRESENTATIVE_KATAS))
    expect(page.locator("#solved-count")).to_have_text(solved)
    expect(page.locator("li.kata-item[data-state=solved]")).to_have_count(len(REPRESENTATIVE_KATAS))
