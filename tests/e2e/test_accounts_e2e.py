"""In a real browser: register, log out, log in, search the bank, read a question with its maths."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from server.bank.files import load_bank
from server.config import Settings
from server.models import Role
from server.search import SearchIndex
from tests.e2e.live import LiveServer
from tests.factories import PASSWORD


def _math_question(server: LiveServer) -> str:
    docs, _ = load_bank(server.questions_dir)
    return next(doc.id for doc in docs if "$" in doc.answer)


def test_register_log_out_and_log_in(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    page.goto(live_server.url + "/register")
    page.get_by_label("Username").fill("x")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#error-username")).to_contain_text("3 to 40 characters")
    expect(page.locator("#error-password")).to_contain_text("8 to 256 characters")
    expect(page.get_by_label("Username")).to_have_value("x")
    expect(page.get_by_label("Password")).to_have_value("")

    page.get_by_label("Username").fill("e2e_alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".nav-user")).to_have_text("e2e_alice")

    page.get_by_role("button", name="Log out").click()
    expect(page.locator(".nav-user")).to_have_count(0)

    page.goto(live_server.url + "/login")
    screenshot(page, "login")
    page.get_by_label("Username").fill("e2e_alice")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".form-error")).to_have_text("Wrong username or password.")
    live_server.log_in(page, "e2e_alice")
    screenshot(page, "home")


def test_an_admin_sees_the_bank_status(page: Page, live_server: LiveServer) -> None:
    live_server.create_user("e2e_admin", role=Role.admin)
    live_server.log_in(page, "e2e_admin")
    page.get_by_role("link", name="Bank", exact=True).click()
    expect(page.get_by_role("heading", name="Bank status")).to_be_visible()
    expect(page.locator(".ok")).to_have_text("Every file loaded without errors.")


# Polls inside one evaluated function: wait_for_function would compile its predicate with
# eval once the first check fails, and the page's CSP (rightly) forbids eval.
KATEX_MAIN_STATUS = """async () => {
  const status = () => [...document.fonts]
    .filter(f => f.family.replaceAll('"', '') === 'KaTeX_Main')
    .map(f => f.status);
  for (let waited = 0; waited < 10000; waited += 50) {
    if (status().includes('loaded')) return 'loaded';
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return 'KaTeX_Main faces: ' + JSON.stringify(status());
}"""


def test_question_page_typesets_maths(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    question_id = _math_question(live_server)
    page.goto(f"{live_server.url}/questions/{question_id}")
    page.get_by_text("Show the answer").click()  # folded until asked for
    maths = page.locator(".answer .math")
    expect(maths.first).to_have_attribute("data-typeset", "")
    expect(page.locator(".answer .math .katex").first).to_be_visible()
    assert page.locator(".answer .math-error").count() == 0
    # KaTeX's own fonts load, from /static: the CSP allows no other source.
    assert page.evaluate(KATEX_MAIN_STATUS) == "loaded"
    screenshot(page, "question")


def test_search_narrows_the_list_as_you_type(page: Page, live_server: LiveServer) -> None:
    docs, _ = load_bank(live_server.questions_dir)
    page_size = Settings().page_size
    index = SearchIndex(docs)
    # Search for a question by the longest words of its prompt; it must make the first page.
    query, target, expected = next(
        (query, doc, found)
        for doc in docs
        if (query := " ".join(sorted(re.findall(r"[A-Za-z]{4,}", doc.prompt), key=len)[-2:]))
        and doc in (found := index.search(text=query))[:page_size]
        and len(found) < len(docs)
    )
    page.goto(live_server.url + "/questions")
    expect(page.locator("a.question-link")).to_have_count(min(len(docs), page_size))
    # Typing searches without a submit (htmx), and the address follows the search.
    page.get_by_label("Search").fill(query)
    expect(page).to_have_url(re.compile(r"/questions\?q=\w"))
    assert parse_qs(urlsplit(page.url).query)["q"] == [query]
    links = page.locator("a.question-link")
    expect(links).to_have_count(min(len(expected), page_size))
    links.filter(has_text=target.prompt).first.click()
    expect(page).to_have_url(f"{live_server.url}/questions/{target.id}")
