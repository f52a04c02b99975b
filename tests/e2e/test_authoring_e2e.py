"""A manager writes a small kata in a real browser, on a phone-sized screen, with the keyboard
and the form's labels only; the page polls the sandbox check until the kata is accepted. An
edit with a syntax error is refused naming the file and line, and the accepted version stays
practisable."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from server.models import Role
from tests.e2e.live import LiveServer
from tests.server.authoring_kata import HIDDEN, REFERENCE, SAMPLE, STARTER, STATEMENT, SUBTRACTS

CHECKED = 90_000


def test_a_manager_authors_a_kata_and_sees_it_validated(
    page: Page, live_server: LiveServer
) -> None:
    live_server.create_user("author", role=Role.manager)
    live_server.log_in(page, "author")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/manage/katas")
    page.get_by_role("link", name="Write a new kata").click()

    page.get_by_label("Id (the folder name").fill("add_in_browser")
    page.get_by_label("Title").fill("Add two numbers")
    page.get_by_label("Difficulty").select_option("easy")
    page.get_by_label("Topics").fill("basics")
    page.get_by_label("Function the candidate writes").fill("add")
    page.get_by_label("Expected minutes").fill("5")
    page.get_by_label("Hypothesis examples").fill("20")
    page.get_by_label("statement.md").fill(STATEMENT)
    page.get_by_label("starter.py").fill(STARTER)
    page.get_by_label("reference.py").fill(REFERENCE)
    page.get_by_label("tests_sample.py").fill(SAMPLE)
    page.get_by_label("tests_hidden.py").fill(HIDDEN)
    page.get_by_label("Wrong solution 1: file name").fill("subtracts")
    page.get_by_label("Wrong solution 1: declared verdict").select_option("failed")
    page.get_by_label("Wrong solution 1: code").fill(SUBTRACTS)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the editor is {width}px wide on a 390px screen"
    # The keyboard reaches the save button from the last field and presses it.
    page.get_by_label("Right solution 1: code").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save and check")).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/manage/katas/add_in_browser$"))
    check = page.locator("#kata-check")
    expect(check).to_have_attribute("data-status", "passed", timeout=CHECKED)
    expect(check.get_by_role("status")).to_contain_text("Accepted")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("reference.py").fill("def add(a, b)\n    return a + b\n")
    page.get_by_role("button", name="Save and check").click()
    expect(check).to_have_attribute("data-status", "failed", timeout=CHECKED)
    expect(check.get_by_role("alert")).to_contain_text("the last accepted version stays live")
    expect(check.locator(".check-problems")).to_contain_text("reference.py, line 1")

    page.get_by_role("link", name="Practise it").click()
    expect(page.get_by_role("heading", name="Add two numbers")).to_be_visible()
