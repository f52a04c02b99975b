"""A logged-out visitor who follows a link to a page that needs an account is told why, and
comes back to that page after logging in; only local paths are followed. The landing and home
pages say what Katabank offers."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from server.catalog import Catalog
from server.models import User
from server.next_page import login_reason, safe_next
from tests.factories import PASSWORD, login, one, page, post_form, text

pytestmark = pytest.mark.usefixtures("sample_bank")


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/katas", "Katas are coding exercises"),
        ("/katas/intersection", "Katas are coding exercises"),
        ("/flashcards", "Flashcards are scheduled for you"),
        ("/answer?question=lstm", "Answer mode checks your typed answers"),
        ("/progress", "Your progress page shows your own"),
    ],
)
def test_a_visitor_is_told_why_to_log_in_and_comes_back_after(
    client: TestClient, user: User, path: str, why: str
) -> None:
    redirect = client.get(path, follow_redirects=False)
    assert redirect.status_code == 303
    login_page = redirect.headers["location"]
    assert login_page == f"/login?next={quote(path, safe='/')}"
    html = page(client.get(login_page))
    assert why in text(html, "#login-reason")
    assert one(html, 'form[action="/login"] input[name=next]').attributes["value"] == path
    response = post_form(
        client,
        "/login",
        {"username": user.username, "password": PASSWORD, "next": path},
        token_from=login_page,
    )
    assert (response.status_code, response.headers["location"]) == (303, path)
    assert client.get(path).status_code == 200


def test_a_login_with_no_destination_gives_no_reason(client: TestClient) -> None:
    assert page(client.get("/login")).css_first("#login-reason") is None
    assert page(client.get("/login?next=/questions")).css_first("#login-reason") is None


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",  # browsers drop the tab and read //evil.example
        "/\n/evil.example",
        "/ /evil.example",
        "javascript:alert(1)",
        "",
    ],
)
def test_only_local_paths_are_followed(target: str) -> None:
    assert safe_next(target) == "/"
    assert login_reason(target) is None


def test_the_login_page_never_offers_a_foreign_next(client: TestClient) -> None:
    html = page(client.get("/login?next=//evil.example/katas"))
    assert one(html, "input[name=next]").attributes["value"] == "/"


def test_the_landing_page_says_what_katabank_offers(client: TestClient) -> None:
    catalog: Catalog = client.app.state.catalog  # type: ignore[attr-defined]
    offers = " ".join(text(page(client.get("/")), "#offers").split())
    assert f"{len(catalog.questions)} questions" in offers
    assert f"{len(catalog.katas)} coding katas" in offers
    assert "Answer mode" in offers


def test_the_home_page_links_every_kind_of_practice(client: TestClient, user: User) -> None:
    login(client, user.username)
    html = page(client.get("/"))
    links = {link.attributes["href"] for link in html.css("#offers a")}
    assert {"/flashcards", "/answer", "/katas", "/progress"} <= links
    catalog: Catalog = client.app.state.catalog  # type: ignore[attr-defined]
    assert f"{len(catalog.katas)} coding exercises" in text(html, "#offers")
