"""In a real browser: a logged-out visitor follows a link to a kata, is told why to log in,
logs in, and is back on the kata."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.live import LiveServer
from tests.factories import PASSWORD


def test_a_link_to_a_kata_comes_back_to_it_after_login(page: Page, live_server: LiveServer) -> None:
    live_server.create_user("e2e_returning")
    page.goto(live_server.url + "/katas/intersection")
    expect(page).to_have_url(live_server.url + "/login?next=/katas/intersection")
    expect(page.locator("#login-reason")).to_contain_text("Katas are coding exercises")
    page.get_by_label("Username").fill("e2e_returning")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/katas/intersection")
    expect(page.locator("h1#kata-title")).to_be_visible()
