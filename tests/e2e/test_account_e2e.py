"""In a real browser at phone width: the account page makes an API token (shown once) that a
script can use, lists the logins, and changes the password, all by keyboard-reachable forms."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.live import LiveServer
from tests.factories import PASSWORD


def test_the_account_page_at_phone_width(page: Page, live_server: LiveServer) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    live_server.create_user("e2e_owner")
    live_server.log_in(page, "e2e_owner")
    page.locator(".nav-user").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.locator("ul.logins li.login.current")).to_contain_text("(this browser)")

    page.get_by_label("Token name").fill("nightly script")
    page.get_by_label("Expires after (days)").fill("7")
    page.get_by_role("button", name="Create token").click()
    token = page.locator("code.new-token").inner_text()
    assert token.startswith("kb_")
    # Nothing on the page is wider than the phone's screen, the long token included.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    answer = httpx.get(
        live_server.url + "/api/session", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.json()["username"] == "e2e_owner"

    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password").fill("a brand new password")
    page.get_by_label("New password").press("Enter")
    expect(page.locator(".notice")).to_contain_text("Password changed")
    page.get_by_role("button", name="Revoke nightly script").click()
    expect(page.locator(".notice")).to_have_text("Token revoked.")
    refused = httpx.get(
        live_server.url + "/api/session", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 401
