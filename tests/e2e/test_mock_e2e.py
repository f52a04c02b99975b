"""In a real browser: a timed mixed mock answered, reloaded and run out of time; the countdown
after the tab was hidden with a wrong computer clock; a peer interviewer in a second browser."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.live import LiveServer, set_code

# A grading includes starting the sandboxes on a fresh server; allow for a slow machine.
GRADED = 90_000
FIXED = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
ITEM_URL = re.compile(r".*/mock/\d+/items/(\d+)$")


def _start(page: Page, minutes: int, concepts: int, katas: int, topics: tuple[str, ...]) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Mock", exact=True).click()
    page.get_by_label("Length (minutes)").fill(str(minutes))
    page.get_by_label("Conceptual questions").fill(str(concepts))
    page.get_by_label("Katas", exact=True).fill(str(katas))
    for topic in topics:
        page.get_by_label(topic, exact=True).check()
    page.get_by_role("button", name="Start the mock").click()
    expect(page).to_have_url(ITEM_URL)
    # The countdown's script is deferred: until its first tick sets data-remaining, a test
    # that fast-forwards the page's clock would do so before the page takes its offset.
    expect(page.locator("#countdown")).to_have_attribute("data-remaining", re.compile(r"^\d+$"))


def _type(page: Page, text: str) -> None:
    page.wait_for_load_state("load")  # the autosave script is deferred
    if page.locator("#answer[data-editor]").count():  # a kata: the code editor
        set_code(page, text, field="answer")
    else:
        page.locator("#answer").fill(text)
    expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=10_000)


def _go(page: Page, number: int) -> None:
    page.locator(f".navigator li:nth-child({number}) a").click()
    expect(page).to_have_url(re.compile(rf".*/items/{number}$"))


def test_a_mixed_mock_answered_reloaded_and_submitted_when_time_runs_out(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_mock")
    # "sets" gives the intersection kata; "nlp" the conceptual questions.
    _start(page, minutes=1, concepts=2, katas=1, topics=("nlp", "sets"))
    countdown = page.locator("#countdown")
    expect(countdown).to_have_attribute("role", "timer")
    expect(countdown).to_have_text(re.compile(r"^0:\d\d left$"))
    expect(page.locator(".deadline time")).to_contain_text("UTC")
    expect(page.locator(".navigator li")).to_have_count(3)

    _type(page, "First answer: attention lets every token look at every other.")
    _go(page, 2)
    _type(page, "Second answer: tokenisation splits text into subwords.")
    page.reload()  # nothing typed is lost
    expect(page.locator("#answer")).to_have_value(
        "Second answer: tokenisation splits text into subwords."
    )
    _go(page, 1)
    expect(page.locator("#answer")).to_have_value(
        "First answer: attention lets every token look at every other."
    )
    expect(page.locator(".navigator li.answered")).to_have_count(2)

    _go(page, 3)
    # A kata item has the practice page's code editor, starting from the starter.
    expect(page.locator(".mock-item .cm-content")).to_contain_text("NotImplementedError")
    expect(page.locator("#answer")).to_have_value(re.compile("NotImplementedError"))
    _type(page, FIXED)
    screenshot(page, "mock-item")
    # Time runs out on this item: the page goes to the scorecard by itself.
    expect(page).to_have_url(re.compile(r".*/mock/\d+/scorecard$"), timeout=90_000)
    scorecard = page.locator("#scorecard")
    expect(scorecard).to_have_attribute("data-state", "graded", timeout=GRADED)
    items = page.locator(".score-item")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("First answer: attention")
    expect(items.nth(1)).to_contain_text("Second answer: tokenisation")
    expect(items.nth(2)).to_contain_text("return list(set(xs) & set(ys))")
    expect(items.nth(2).locator(".verdict-badge")).to_have_text("passed")
    expect(page.locator("#overall-score")).to_contain_text("/ 4")
    expect(page.locator("#mock-score-chart circle.point")).to_have_count(1)
    screenshot(page, "mock-scorecard")
    # The kata's history shows the mock's hidden-test submission.
    page.goto(live_server.url + "/katas/intersection")
    expect(page.locator("#history tbody tr")).to_have_count(1)


def test_the_countdown_is_right_after_the_tab_was_hidden_with_a_wrong_clock(
    page: Page, live_server: LiveServer
) -> None:
    live_server.register(page, "e2e_hidden")
    page.clock.install()
    _start(page, minutes=30, concepts=1, katas=0, topics=("nlp",))
    countdown = page.locator("#countdown")
    expect(countdown).to_have_attribute("data-remaining", re.compile(r"^1[78]\d\d$"))
    # The tab goes to the background: its timers stop (a throttled tab), and meanwhile the
    # computer's clock is set back ten minutes, which must not buy any time.
    # A second ahead: the page's fake clock may already be a little past this process's now,
    # and Playwright refuses to pause in the page's past.
    page.clock.pause_at(datetime.now() + timedelta(seconds=1))
    _set_visibility(page, "hidden")
    time.sleep(4)
    page.clock.set_system_time(datetime.fromtimestamp(time.time() - 600))
    _set_visibility(page, "visible")
    page.clock.resume()
    api = page.locator("#mock").get_attribute("data-api")
    truth = json.loads(page.evaluate(f"fetch('{api}').then(r => r.text())"))
    left = (
        datetime.fromisoformat(truth["deadline_at"]) - datetime.fromisoformat(truth["server_now"])
    ).total_seconds()
    shown = -1
    for _ in range(40):  # the next tick, a quarter second away, shows the corrected time
        shown = int(countdown.get_attribute("data-remaining") or -1)
        if abs(shown - left) <= 2:
            break
        page.wait_for_timeout(250)
    assert abs(shown - left) <= 2, (shown, left)
    # Hiding the timer hides the countdown, not the deadline.
    page.get_by_role("button", name="Hide timer").click()
    expect(countdown).to_be_hidden()
    expect(page.locator(".deadline")).to_be_visible()
    page.reload()
    expect(countdown).to_be_hidden()
    page.get_by_role("button", name="Show timer").click()
    expect(countdown).to_be_visible()


def test_screen_readers_hear_the_thresholds_only(page: Page, live_server: LiveServer) -> None:
    live_server.register(page, "e2e_announce")
    page.clock.install()
    _start(page, minutes=11, concepts=1, katas=0, topics=("nlp",))
    announce = page.locator("#timer-announce")
    expect(announce).to_have_attribute("role", "status")
    expect(page.locator("#countdown")).to_have_attribute("aria-live", "off")
    page.clock.run_for(3_000)  # twelve ticks, and nothing said
    expect(announce).to_have_text("")
    # The page resyncs with the server every minute, and the server's clock is real: its
    # answer would take back the fake minute, racing the 10-minute mark (a flake in CI).
    # With the server unavailable, the page keeps counting on its last offset.
    api = page.locator("#mock").get_attribute("data-api")
    page.route(f"**{api}", lambda route: route.fulfill(status=503))
    # A minute and more of ticks, run faster than real time: the 10-minute mark passes.
    page.clock.run_for(65_000)
    expect(announce).to_have_text("10 minutes left.")
    page.clock.run_for(3_000)
    expect(announce).to_have_text("10 minutes left.")


def _set_visibility(page: Page, state: str) -> None:
    page.evaluate(
        "state => { Object.defineProperty(document, 'visibilityState', "
        "{ value: state, configurable: true }); "
        "document.dispatchEvent(new Event('visibilitychange')); }",
        state,
    )


def _second_context(browser: Browser, errors: list[str]) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    context.on("weberror", lambda error: errors.append(str(error.error)))
    try:
        yield context
    finally:
        context.close()


def test_an_interviewer_watches_an_answer_arrive_and_scores_it(
    page: Page, browser: Browser, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.register(page, "e2e_candidate")
    live_server.create_user("e2e_interviewer")
    _start(page, minutes=30, concepts=2, katas=1, topics=("nlp", "sets"))
    page.get_by_text("Invite an interviewer").click()
    page.get_by_role("button", name="Make a link").click()
    link = page.locator("#seat-url").input_value()
    assert "/seat/" in link

    errors: list[str] = []
    for context in _second_context(browser, errors):
        peer = context.new_page()
        live_server.log_in(peer, "e2e_interviewer")
        peer.goto(link)
        first = peer.locator(".score-item").first
        expect(first.locator(".key-point-list li").first).to_be_visible()
        expect(first.locator(".candidate-answer")).to_contain_text("(nothing yet)")

        _type(page, "Attention weighs every token by its relevance.")
        expect(first.locator(".candidate-answer")).to_contain_text(
            "Attention weighs every token", timeout=15_000
        )
        expect(peer.locator("h1")).to_have_count(1)  # the refresh swaps answers, not pages
        first.get_by_label(re.compile("Your score")).fill("0.5")
        first.get_by_label("Notes").fill("Good intuition, no formula.")
        first.get_by_role("button", name="Save score").click()
        expect(first.locator(".saved-score")).to_have_text("Saved: 0.5")
        screenshot(peer, "mock-interviewer-phone")

        _go(page, 3)
        _type(page, FIXED)
        page.get_by_role("button", name=re.compile("^Run")).click()
        expect(page.locator("#result")).to_have_attribute("data-status", "done", timeout=GRADED)
        expect(page.locator("#result .suite").first).to_have_text("sample")
        page.get_by_role("button", name="Finish and submit").click()
        expect(page.locator("#scorecard")).to_have_attribute("data-state", "graded", timeout=GRADED)
        expect(page.locator(".score-item").first.locator(".interviewer-score")).to_contain_text(
            "0.5"
        )
        expect(page.locator(".interviewer-notes").first).to_contain_text("Good intuition")
        expect(first.get_by_text("Automatic score")).to_be_visible(timeout=15_000)
    assert errors == []
