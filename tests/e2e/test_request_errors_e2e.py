"""In a real browser: an htmx request that fails says so on the page, never silently."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.live import LiveServer


def test_a_refused_htmx_request_shows_the_servers_reason(
    page: Page, live_server: LiveServer, console_errors: list[str]
) -> None:
    live_server.register(page, "e2e_refused")
    page.goto(live_server.url + "/answer")
    page.get_by_label("Your answer").fill("Something I half remember.")
    page.get_by_role("button", name="Check my answer").click()
    form = page.locator("#card form.rating-form")
    expect(form).to_be_visible()
    # The same answer rated from another tab first: this page's rating now gets a 409.
    action = form.get_attribute("action")
    status = page.evaluate(
        """async (action) => {
            const token = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"];
            const body = new URLSearchParams({rating: "3"});
            const headers = {"X-CSRF-Token": token};
            const response = await fetch(action, {method: "POST", body, headers});
            return response.status;
        }""",
        action,
    )
    assert status == 200
    alert = page.get_by_role("alert")
    expect(alert).to_have_count(1)
    expect(alert).to_have_text("")
    page.get_by_role("button", name="Good").click()
    expect(alert).to_contain_text("error 409")
    expect(alert).to_contain_text("You have already rated this answer.")
    console_errors.clear()  # the browser reports the 409 it was sent
    alert.get_by_role("button", name="Dismiss").click()
    expect(alert).to_have_text("")


def test_an_htmx_request_that_cannot_reach_the_server_says_so(
    page: Page, live_server: LiveServer, console_errors: list[str]
) -> None:
    live_server.register(page, "e2e_offline")
    page.goto(live_server.url + "/flashcards")
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator("#card .reference")).to_be_visible()
    page.context.set_offline(True)
    page.get_by_role("button", name="Good").click()
    expect(page.get_by_role("alert")).to_contain_text("could not be reached")
    console_errors.clear()  # the browser reports the failed request
