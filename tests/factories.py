"""Things tests build: users, logged-in clients, parsed pages.

    make_user(engine, username="alice", password=PASSWORD, role=Role.candidate) -> User
    login(client, username="alice", password=PASSWORD) -> Response (the redirect after login)
    csrf_token(client, path="/questions") -> str   the token a page hands the browser
    post_form(client, path, data) -> Response      a POST with that token, as a browser sends it
    page(response) -> HTMLParser                   query with CSS selectors: .css(), .css_first()
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlalchemy import Engine
from sqlmodel import Session

from server import accounts
from server.models import Role, User

__all__ = ["PASSWORD", "csrf_token", "login", "make_user", "page", "post_form"]

PASSWORD = "correct horse battery"


def make_user(
    engine: Engine,
    username: str = "alice",
    *,
    password: str = PASSWORD,
    role: Role = Role.candidate,
) -> User:
    with Session(engine, expire_on_commit=False) as session:
        return accounts.create_user(
            session=session, username=username, password=password, role=role
        )


def page(response: Response) -> HTMLParser:
    assert response.headers["content-type"].startswith("text/html"), response.headers
    return HTMLParser(response.text)


def csrf_token(client: TestClient, path: str = "/questions") -> str:
    """The CSRF token the page at `path` gives the browser (anonymous, or the login's)."""
    body = page(client.get(path)).css_first("body")
    assert body is not None
    token: str = json.loads(body.attributes["hx-headers"] or "{}")["X-CSRF-Token"]
    assert token
    return token


def post_form(
    client: TestClient, path: str, data: dict[str, Any], *, token_from: str = "/questions"
) -> Response:
    """POST a form the way a browser does: with the token of a page it just loaded."""
    token = csrf_token(client, token_from)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def login(client: TestClient, username: str = "alice", password: str = PASSWORD) -> Response:
    response = post_form(
        client, "/login", {"username": username, "password": password}, token_from="/login"
    )
    assert response.status_code == 303, response.text
    return response
