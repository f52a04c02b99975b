"""A hiring round in real browsers: a manager builds a set with a pool, publishes an
assessment and invites two candidates; each candidate takes it in their own browser context
(one submits, one runs out of time) with one copying the other's kata under new names; the
manager sees both graded, reviews the similarity flag with the shared regions marked, plays
back a candidate's code, overrides a score, records a decision, and exports the CSV."""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from server.models import Role
from tests.e2e.live import LiveServer, set_code

GRADED = 120_000
POOL = (
    "explain-mean-average-in-terms-of-attention-aceba6f5",
    "are-decision-trees-prone-to-overfitting-f529fddd",
)
ORIGINAL = """\
def intersection(first, second):
    wanted = sorted(set(second))
    found = []
    for value in first:
        low, high = 0, len(wanted)
        while low < high:
            middle = (low + high) // 2
            if wanted[middle] < value:
                low = middle + 1
            else:
                high = middle
        if low < len(wanted) and wanted[low] == value and value not in found:
            found.append(value)
    return found
"""
COPY = """\
def intersection(xs, ys):
    # binary search each value
    table = sorted(set(ys))
    out = []
    for x in xs:
        lo, hi = 0, len(table)
        while lo < hi:
            mid = (lo + hi) // 2
            if table[mid] < x: lo = mid + 1
            else: hi = mid
        if lo < len(table) and table[lo] == x and x not in out:
            out.append(x)
    return out
"""


def _build_and_publish(page: Page, base: str) -> None:
    page.goto(base + "/manage/sets")
    page.get_by_label("Title").fill("ML round")
    page.get_by_role("button", name="Create the set").click()
    page.get_by_label("Search").fill("intersection")
    page.get_by_label("Kind").first.select_option("kata")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("button", name="Add kata intersection").click()
    pool_form = page.locator("form", has=page.get_by_role("button", name="Add the pool"))
    pool_form.get_by_label("Ids, separated by commas").fill(", ".join(POOL))
    pool_form.get_by_role("button", name="Add the pool").click()
    expect(page.locator("#set-items > li")).to_have_count(2)
    expect(page.locator("#set-items > li").nth(1)).to_contain_text("Pool")

    page.get_by_role("link", name="Assessments", exact=True).click()
    now = datetime.now(UTC)
    page.get_by_label("Title candidates see").fill("ML round")
    page.get_by_label("Time limit, minutes").fill("1")
    page.get_by_label("Opens (UTC)").fill((now - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Closes (UTC)").fill((now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("h1")).to_have_text("ML round")


def _take(page: Page, link: str, name: str, code: str) -> None:
    page.goto(link)
    expect(page.locator("#time-limit")).to_have_text("1 minute")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name=re.compile("Start")).click()
    expect(page.locator("#countdown")).to_have_attribute("role", "timer")
    page.locator(".navigator li:nth-child(1) a").click()
    # Typed in two goes, so the playback has more than one snapshot.
    # The autosave script is deferred: typing before it runs is never saved (flaked in CI).
    page.wait_for_load_state("load")
    for text in (code.split("\n")[0] + "\n", code):
        set_code(page, text, field="answer")
        expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=10_000)


def test_a_hiring_round_end_to_end(
    browser: Browser,
    page: Page,
    live_server: LiveServer,
    screenshot: Callable[[Page, str], Path],
) -> None:
    live_server.create_user("e2e_manager", role=Role.manager)
    live_server.log_in(page, "e2e_manager")
    _build_and_publish(page, live_server.url)
    assessment_url = page.url
    page.get_by_label("Or many at once").fill("Ann,ann@example.com\nBen,ben@example.com")
    page.get_by_role("button", name="Create the links").click()
    links = [page.locator("#new-links input").nth(i).input_value() for i in range(2)]
    screenshot(page, "hiring-links")

    ann = browser.new_context().new_page()
    ben = browser.new_context().new_page()
    _take(ben, links[1], "Ben", COPY)  # Ben starts first; his time runs out below
    _take(ann, links[0], "Ann", ORIGINAL)
    ann.on("dialog", lambda dialog: dialog.accept())
    ann.get_by_role("button", name="Finish and submit").click()
    expect(ann.locator("h1")).to_have_text("Submitted")
    assert "score" not in ann.content().lower()
    # Ben's tab stays open on the kata until the server's deadline passes.
    expect(ben.locator("h1")).to_have_text("Submitted", timeout=GRADED)

    deadline = time.monotonic() + GRADED / 1000
    while True:
        page.goto(assessment_url)
        statuses = page.locator("#candidates .status").all_text_contents()
        if statuses == ["graded", "graded"] or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert statuses == ["graded", "graded"]
    screenshot(page, "hiring-report")

    page.locator("#flags a").first.click()
    expect(page.locator("mark").first).to_be_visible()
    assert "sorted(set(" in " ".join(page.locator("mark").all_text_contents())
    screenshot(page, "hiring-similarity")
    page.get_by_label("Confirm: this looks copied").check()
    page.get_by_role("button", name="Record the review").click()
    expect(page.locator("#flags li").first).to_contain_text("confirmed")

    page.locator("#candidates tbody a", has_text="Ben").click()
    slider = page.locator(".playback-slider").first
    code = page.locator(".playback-body").first
    last = code.text_content()
    slider.fill("1")
    expect(code).not_to_have_text(last or "")
    item = page.locator(".score-item").first
    item.get_by_label("Override score").fill("0.5")
    item.get_by_label("Why").fill("partial credit")
    item.get_by_role("button", name="Override").click()
    expect(page.locator(".overridden").first).to_contain_text("0.5")
    page.get_by_label("hold").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#current-decision")).to_contain_text("hold")

    page.goto(assessment_url)
    table = {
        row.locator("td").nth(0).locator("a").text_content(): row.locator(".score").text_content()
        for row in page.locator("#candidates tbody tr").all()
    }
    csv_link = page.get_by_role("link", name="Export CSV").get_attribute("href") or ""
    exported = page.request.get(live_server.url + csv_link).text()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {row["name"] for row in rows} == set(table) == {"Ann", "Ben"}
    for row in rows:
        assert row["status"] == "graded"
        shown = (table[row["name"]] or "").strip()
        assert shown.startswith(f"{float(row['score']):g} /"), (shown, row)
    assert next(row for row in rows if row["name"] == "Ben")["decision"] == "hold"


def test_a_manager_writes_their_own_question_into_a_set(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    live_server.create_user("e2e_author", role=Role.manager)
    live_server.log_in(page, "e2e_author")
    page.goto(live_server.url + "/manage/sets")
    page.get_by_label("Title").fill("Our own round")
    page.get_by_role("button", name="Create the set").click()
    expect(page.locator("#own-questions")).to_have_count(0)  # none written yet

    button = page.get_by_role("button", name="Write it and add it to the set")
    form = page.locator("form", has=button)
    prompt = "Why does <b>early stopping</b> regularise a network?"
    form.get_by_label("Prompt").fill(prompt)
    form.get_by_label("Reference answer").fill(
        "It caps how far the weights travel from $w_0$, much like an $L_2$ penalty."
    )
    form.get_by_label("Key points, one per line").fill(
        "limits the distance from the initial weights\nacts like weight decay"
    )
    form.get_by_label("Topics, separated by commas").fill("regularization, training")
    form.get_by_label("Difficulty").select_option("hard")
    form.get_by_label("Points in this set").fill("2")
    form.get_by_role("button", name="Write it and add it to the set").click()

    item = page.locator("#set-items > li")
    expect(item).to_have_count(1)
    expect(item.first).to_contain_text(prompt)  # shown as text, not as markup
    expect(item.first.locator("b")).to_have_count(0)
    expect(item.first.locator("input[name=points]")).to_have_value("2.0")
    own = page.locator("#own-questions li")
    expect(own).to_have_count(1)
    expect(own.first).to_contain_text("hard")
    screenshot(page, "hiring-own-question")

    question_id = own.first.locator("code").text_content() or ""
    exported = page.request.get(f"{live_server.url}/api/questions/{question_id}/export")
    assert exported.ok and "limits the distance from the initial weights" in exported.text()
    page.get_by_role("button", name=f"Add your question {question_id}").click()
    expect(page.locator("#set-items > li")).to_have_count(2)
