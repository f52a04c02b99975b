"""In a real browser: times shown in the viewer's time zone (UTC on hover), and the progress
page, its chart and tables fitting a 390 px wide phone without sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.live import LiveServer


@pytest.fixture
def tokyo(browser: Browser, console_errors: list[str]) -> Iterator[Page]:
    """A phone-sized page whose clock is in Tokyo (UTC+9, no daylight saving)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, timezone_id="Asia/Tokyo", locale="en-GB"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    try:
        yield page
        assert console_errors == []
    finally:
        context.close()


def test_times_are_shown_in_the_viewers_zone_with_utc_on_hover(
    tokyo: Page, live_server: LiveServer
) -> None:
    live_server.register(tokyo, "e2e_tokyo")
    # A flashcard rated Easy: its next due time shows on the progress page.
    tokyo.goto(live_server.url + "/flashcards")
    tokyo.get_by_role("button", name="Show answer").click()
    tokyo.get_by_role("button", name="Easy").click()
    expect(tokyo.locator("#card .rating-confirmed")).to_be_visible()
    tokyo.goto(live_server.url + "/progress")
    due = tokyo.locator("#due-table time[data-local]").first
    expect(due).to_have_attribute("data-localized", "")
    utc_text = due.get_attribute("title") or ""
    iso = due.get_attribute("datetime") or ""
    assert utc_text.endswith(" UTC") and iso.endswith("+00:00")
    shown = due.inner_text()
    assert "UTC" not in shown and "GMT+9" in shown, shown
    # The hour shown is the UTC hour plus nine.
    utc_hour = int(utc_text.split()[1].split(":")[0])
    assert f"{(utc_hour + 9) % 24:02}:" in shown


def test_the_progress_page_fits_a_phone(tokyo: Page, live_server: LiveServer) -> None:
    live_server.register(tokyo, "e2e_phone")
    for rating in ("Good", "Easy", "Again"):
        tokyo.goto(live_server.url + "/flashcards")
        tokyo.get_by_role("button", name="Show answer").click()
        tokyo.get_by_role("button", name=rating).click()
        expect(tokyo.locator("#card .rating-confirmed")).to_be_visible()
    tokyo.goto(live_server.url + "/progress")
    tokyo.locator("details.chart-table summary").click()
    expect(tokyo.locator("#activity-chart rect.bar")).to_have_count(1)
    wide = tokyo.evaluate(
        """() => [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > 391)
            .map(el => el.tagName + "#" + el.id + "." + el.className.baseVal
                 + (typeof el.className === "string" ? el.className : "")
                 + " " + Math.round(el.getBoundingClientRect().right))
            .slice(0, 12)"""
    )
    assert tokyo.evaluate("document.documentElement.scrollWidth") <= 390, wide
    for selector in (
        "#activity-chart",
        "#activity-table",
        "#mastery-table",
        "#katas-table",
        "#due-table",
    ):
        right = tokyo.locator(selector).evaluate("el => el.getBoundingClientRect().right")
        assert right <= 390, (selector, right)
