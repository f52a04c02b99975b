"""Bad requests get a friendly page with the right status; nothing a browser sends ends in a 500."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine, event
from sqlalchemy import text as sql
from sqlmodel import Session

from server.models import User
from tests.factories import PASSWORD, csrf_token, login, page, post_form, text


def _message(response: Response, status: int) -> str:
    assert response.status_code == status, response.text
    html = page(response)
    assert html.css_first("nav.nav") is not None  # the whole site layout, not a bare error
    node = html.css_first(".error-message")
    assert node is not None
    return node.text()


def test_unknown_page_is_404(client: TestClient) -> None:
    assert _message(client.get("/no/such/page"), 404) == "There is no page at this address."


def test_wrong_method_is_405(logged_in: TestClient) -> None:
    _message(logged_in.get("/logout"), 405)
    token = csrf_token(logged_in)
    _message(logged_in.put("/questions", headers={"X-CSRF-Token": token}), 405)


def test_error_pages_know_the_user(logged_in: TestClient) -> None:
    html = page(logged_in.get("/no/such/page"))
    assert text(html, ".nav-user") == "alice"


def test_missing_form_fields_are_reported_on_the_form(client: TestClient) -> None:
    response = post_form(client, "/register", {}, token_from="/register")
    assert response.status_code == 400
    assert page(response).css_first("#error-username") is not None
    response = post_form(client, "/login", {}, token_from="/login")
    assert response.status_code == 400
    assert page(response).css_first(".form-error") is not None


def test_oversized_form_field_is_400(client: TestClient) -> None:
    response = post_form(
        client, "/login", {"username": "a" * 5000, "password": "x"}, token_from="/login"
    )
    assert "username" in _message(response, 400)


def test_oversized_body_is_413(client: TestClient, app: FastAPI) -> None:
    token = csrf_token(client, "/login")
    limit = app.state.settings.max_body_bytes
    response = client.post(
        "/login", data={"csrf_token": token, "username": "a", "password": "x" * limit}
    )
    _message(response, 413)


def test_oversized_chunked_body_is_413(client: TestClient, app: FastAPI) -> None:
    chunk = b"x" * 65536
    count = app.state.settings.max_body_bytes // len(chunk) + 2
    response = client.post(
        "/login",
        content=(chunk for _ in range(count)),  # no Content-Length: sent chunked
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    _message(response, 413)


def test_malformed_form_body_is_not_a_500(logged_in: TestClient) -> None:
    response = logged_in.post(
        "/logout",
        content=b"--xyz\r\nnot a multipart body",
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_code in (400, 403)
    page(response)


@pytest.mark.parametrize(
    "path",
    [
        "/questions/" + "x" * 500,
        "/questions/%00",
        "/questions/..%2F..%2Fetc%2Fpasswd",
        "/questions?page=-1",
        "/questions?page=99999999999999999999",
        "/login?next=" + "x" * 5000,
    ],
)
def test_bad_ids_and_parameters_are_handled(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert 200 <= response.status_code < 500
    page(response)


def test_an_unexpected_error_is_logged_and_shown_as_a_friendly_500(
    app: FastAPI, user: User, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level(logging.ERROR):
        response = client.get("/boom")
    assert "has been logged" in _message(response, 500)
    assert "kaboom" not in response.text
    assert any("GET /boom" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    ("table", "path"),
    [("practiceevent", "/progress"), ("loginsession", "/questions")],  # a route's, the login's
)
def test_a_database_error_that_is_a_bug_is_logged_with_its_traceback_as_a_500(
    app: FastAPI,
    engine: Engine,
    user: User,
    caplog: pytest.LogCaptureFixture,
    table: str,
    path: str,
) -> None:
    # A table gone: on SQLite an OperationalError like a locked database, but no moment's
    # trouble that trying again would cure (on Postgres a ProgrammingError).
    browser = TestClient(app, raise_server_exceptions=False)
    login(browser)
    with engine.begin() as connection:
        connection.execute(sql(f"ALTER TABLE {table} RENAME TO {table}_gone"))
    with caplog.at_level(logging.ERROR):
        response = browser.get(path)
    assert "has been logged" in _message(response, 500)
    assert table not in response.text and "retry-after" not in response.headers
    (record,) = [r for r in caplog.records if f"GET {path}" in r.getMessage()]
    assert record.exc_info is not None and table in str(record.exc_info[1])


@contextmanager
def _logins_locked(engine: Engine) -> Iterator[None]:
    """Another connection holds SQLite's write lock, or Postgres's lock on the login table;
    the app's connections wait 0.1 s for a lock, not 30."""

    @event.listens_for(engine, "connect")
    def wait_briefly(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        sqlite = engine.dialect.name == "sqlite"
        cursor.execute("PRAGMA busy_timeout=100" if sqlite else "SET lock_timeout = 100")
        cursor.close()
        dbapi_connection.commit()

    engine.dispose()  # the pooled connections were made before
    if engine.dialect.name == "sqlite":
        holder = sqlite3.connect(engine.url.database or "", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    else:
        with engine.connect() as connection:
            connection.execute(sql("LOCK TABLE loginsession IN EXCLUSIVE MODE"))
            yield
            connection.rollback()


def test_a_locked_database_is_a_503_to_try_again(
    client: TestClient, engine: Engine, user: User
) -> None:
    form = {"csrf_token": csrf_token(client, "/login"), "username": "alice", "password": PASSWORD}
    with _logins_locked(engine):
        refused = client.post("/login", data=form, follow_redirects=False)
    assert refused.status_code == 503, refused.text
    assert refused.headers["retry-after"] == "5"
    assert client.post("/login", data=form, follow_redirects=False).status_code == 303


def test_a_unique_row_written_twice_is_a_409_not_a_500(app: FastAPI, user: User) -> None:
    # A race two requests can lose (two registrations, two ratings), made to happen for sure.
    @app.get("/twice")
    def twice() -> None:
        with Session(app.state.engine) as session:
            session.add(User(username=user.username, password_hash="x"))
            session.commit()

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/twice")
        assert "saved at the same moment" in _message(response, 409)
        api = client.get("/twice", headers={"Accept": "application/json"})
    assert api.status_code == 409
    assert "same moment" in api.json()["detail"]


def test_json_clients_get_json_errors(client: TestClient) -> None:
    response = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page at this address."}
