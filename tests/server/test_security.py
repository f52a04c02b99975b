"""CSRF protection, security headers, and who may see what."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from server.deps import ManagerUser
from server.models import Role, User
from tests.factories import csrf_token, login, page, post_form


def _error_page(response: Response, status: int) -> str:
    assert response.status_code == status
    message = page(response).css_first(".error-message")
    assert message is not None
    return message.text()


def test_post_without_csrf_token_is_refused(logged_in: TestClient) -> None:
    response = logged_in.post("/logout", follow_redirects=False)
    assert "expired or did not come from this site" in _error_page(response, 403)
    assert page(logged_in.get("/questions")).css_first(".nav-user") is not None


def test_post_with_a_wrong_csrf_token_is_refused(logged_in: TestClient) -> None:
    response = logged_in.post("/logout", data={"csrf_token": "x" * 43}, follow_redirects=False)
    _error_page(response, 403)


def test_post_with_the_right_csrf_token_is_accepted(logged_in: TestClient) -> None:
    response = post_form(logged_in, "/logout", {})
    assert response.status_code == 303


def test_csrf_token_in_the_htmx_header_is_accepted(logged_in: TestClient) -> None:
    token = csrf_token(logged_in)
    response = logged_in.post("/logout", headers={"X-CSRF-Token": token}, follow_redirects=False)
    assert response.status_code == 303


def test_anonymous_forms_need_the_cookie_token(client: TestClient, user: User) -> None:
    token = csrf_token(client, "/login")
    fields = {"username": "alice", "password": "correct horse battery"}
    fresh = TestClient(client.app)  # a browser that never loaded the form: no cookie
    response = fresh.post("/login", data={**fields, "csrf_token": token})
    _error_page(response, 403)
    response = client.post("/login", data={**fields, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303


def test_a_token_from_before_login_is_not_accepted_after(
    client: TestClient, user: User
) -> None:
    anonymous = csrf_token(client, "/login")
    login(client)
    response = client.post("/logout", data={"csrf_token": anonymous}, follow_redirects=False)
    _error_page(response, 403)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
    ],
)
def test_cross_site_posts_are_refused_even_with_the_token(
    logged_in: TestClient, headers: dict[str, str]
) -> None:
    token = csrf_token(logged_in)
    response = logged_in.post(
        "/logout", data={"csrf_token": token}, headers=headers, follow_redirects=False
    )
    assert "another site" in _error_page(response, 403)


def test_same_origin_posts_are_accepted(logged_in: TestClient) -> None:
    token = csrf_token(logged_in)
    response = logged_in.post(
        "/logout",
        data={"csrf_token": token},
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_security_headers(client: TestClient) -> None:
    response = client.get("/questions")
    policy = response.headers["content-security-policy"]
    directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    app_css = client.get("/static/app.css")
    assert app_css.headers["cache-control"] == "no-cache"
    again = client.get("/static/app.css", headers={"if-none-match": app_css.headers["etag"]})
    assert again.status_code == 304
    vendored = page(client.get("/questions")).css_first("script[src^='/static/vendor/htmx-']")
    assert vendored is not None
    assert client.get(str(vendored.attributes["src"])).headers["cache-control"] == (
        "public, max-age=31536000, immutable"
    )


def test_pages_have_no_inline_scripts(client: TestClient) -> None:
    for path in ("/questions", "/login", "/register", "/questions/no-such-question"):
        for script in page(client.get(path)).css("script"):
            assert script.attributes.get("src"), f"inline script on {path}"


def test_anonymous_csrf_cookie_is_httponly(client: TestClient) -> None:
    response = client.get("/login")
    cookie = next(
        value
        for value in response.headers.get_list("set-cookie")
        if value.startswith("katabank_csrf=")
    )
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=lax"} <= attributes


def test_admin_page_needs_login(client: TestClient) -> None:
    response = client.get("/admin/bank", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/admin/bank"


def test_api_clients_get_401_instead_of_a_redirect(client: TestClient) -> None:
    response = client.get(
        "/admin/bank", headers={"Accept": "application/json"}, follow_redirects=False
    )
    assert response.status_code == 401
    assert response.json() == {"detail": "Log in first."}


def test_htmx_requests_are_sent_to_login_with_hx_redirect(client: TestClient) -> None:
    response = client.get("/admin/bank", headers={"HX-Request": "true"}, follow_redirects=False)
    assert response.status_code == 401
    assert response.headers["hx-redirect"] == "/login?next=/admin/bank"


def test_admin_page_is_refused_to_candidates(logged_in: TestClient) -> None:
    response = logged_in.get("/admin/bank")
    assert "admin accounts" in _error_page(response, 403)


def test_admin_page_is_open_to_admins(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    make_user("root", role=Role.admin)
    login(client, "root")
    response = client.get("/admin/bank")
    assert response.status_code == 200
    assert page(response).css_first('.nav a[href="/admin/bank"]') is not None


@pytest.mark.parametrize(
    ("role", "status"), [(Role.candidate, 403), (Role.manager, 200), (Role.admin, 200)]
)
def test_manager_guard_lets_managers_and_admins_through(
    app: FastAPI, client: TestClient, make_user: Callable[..., User], role: Role, status: int
) -> None:
    @app.get("/team")
    def team(user: ManagerUser) -> dict[str, str]:
        return {"username": user.username}

    make_user("someone", role=role)
    login(client, "someone")
    response = client.get("/team")
    assert response.status_code == status
    if status == 200:
        assert response.json() == {"username": "someone"}
