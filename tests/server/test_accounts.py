"""Registering, logging in and out, password hashing, session cookies, the login rate limit."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server import accounts, logins
from server.app import create_app
from server.config import Settings
from server.models import LoginSession, Role, User, utcnow
from server.ratelimit import RateEvent
from tests.factories import PASSWORD, csrf_token, login, make_user, page, post_form, register


def _attempts(session: Session) -> list[RateEvent]:
    """The login attempts counted per username and client."""
    return list(session.exec(select(RateEvent).where(RateEvent.scope == "login")))


def _attributes(cookie: str) -> set[str]:
    return {part.strip().lower() for part in cookie.split(";")[1:]}


def test_register_logs_the_new_user_in(client: TestClient, engine: Engine) -> None:
    response = register(client, "Bob_the.Builder-1", PASSWORD)
    assert response.status_code == 303 and response.headers["location"] == "/"
    nav_user = page(client.get("/questions")).css_first(".nav-user")
    assert nav_user is not None and nav_user.text() == "bob_the.builder-1"
    with Session(engine) as session:
        user = session.exec(select(User)).one()
    assert user.role == Role.candidate


def test_password_is_stored_as_an_argon2_hash(client: TestClient, engine: Engine) -> None:
    register(client, "carol", PASSWORD)
    with Session(engine) as session:
        user = session.exec(select(User)).one()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert accounts.verify_password(user.password_hash, PASSWORD)
    assert not accounts.verify_password(user.password_hash, PASSWORD + "x")


@pytest.mark.parametrize(
    ("username", "password", "field", "message"),
    [
        ("ab", PASSWORD, "username", "3 to 40 characters"),
        ("a" * 41, PASSWORD, "username", "3 to 40 characters"),
        ("bad name!", PASSWORD, "username", "only letters, digits"),
        ("", PASSWORD, "username", "3 to 40 characters"),
        ("dave", "short", "password", "8 to 256 characters"),
        ("dave", "p" * 257, "password", "8 to 256 characters"),
    ],
)
def test_invalid_registration_shows_the_error_on_the_form(
    client: TestClient, engine: Engine, username: str, password: str, field: str, message: str
) -> None:
    response = register(client, username, password)
    assert response.status_code == 400
    html = page(response)
    error = html.css_first(f"#error-{field}")
    assert error is not None and message in error.text()
    username_input = html.css_first("input#field-username")
    assert username_input is not None and username_input.attributes["value"] == username
    password_input = html.css_first("input#field-password")
    assert password_input is not None and "value" not in password_input.attributes
    with Session(engine) as session:
        assert session.exec(select(User)).all() == []


def test_usernames_are_unique_regardless_of_case(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    make_user("erin")
    response = register(client, "ERIN", PASSWORD)
    assert response.status_code == 400
    error = page(response).css_first("#error-username")
    assert error is not None and "taken" in error.text()


def test_login_then_logout(client: TestClient, user: User, engine: Engine) -> None:
    login(client, "Alice")  # usernames are case-insensitive
    assert page(client.get("/questions")).css_first(".nav-user") is not None
    with Session(engine) as session:
        assert len(session.exec(select(LoginSession)).all()) == 1

    response = post_form(client, "/logout", {})
    assert response.status_code == 303
    html = page(client.get("/questions"))
    assert html.css_first(".nav-user") is None
    assert html.css_first('.nav-account a[href="/login"]') is not None
    with Session(engine) as session:
        assert session.exec(select(LoginSession)).all() == []


def test_wrong_password_is_refused_with_a_message(client: TestClient, user: User) -> None:
    response = post_form(
        client, "/login", {"username": "alice", "password": "wrong password"}, token_from="/login"
    )
    assert response.status_code == 400
    html = page(response)
    error = html.css_first(".form-error")
    assert error is not None and error.text() == "Wrong username or password."
    username_input = html.css_first("input#field-username")
    assert username_input is not None and username_input.attributes["value"] == "alice"
    assert "katabank_session" not in response.cookies


def test_unknown_user_gets_the_same_message(client: TestClient) -> None:
    response = post_form(
        client, "/login", {"username": "nobody", "password": PASSWORD}, token_from="/login"
    )
    assert response.status_code == 400
    error = page(response).css_first(".form-error")
    assert error is not None and error.text() == "Wrong username or password."


def test_session_cookie_is_httponly_and_samesite_lax(client: TestClient, user: User) -> None:
    response = login(client)
    cookie = next(
        value
        for value in response.headers.get_list("set-cookie")
        if value.startswith("katabank_session=")
    )
    attributes = _attributes(cookie)
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "secure" not in attributes


def test_cookies_are_secure_when_configured(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"secure_cookies": True}))
    with TestClient(app, base_url="https://testserver") as client:
        make_user(app.state.engine, "frank")
        response = login(client, "frank")
        cookies = response.headers.get_list("set-cookie")
        assert cookies and all("secure" in _attributes(cookie) for cookie in cookies)
        assert "strict-transport-security" in response.headers


def test_the_cookie_holds_a_token_whose_hash_is_stored(
    client: TestClient, user: User, engine: Engine
) -> None:
    login(client)
    token = client.cookies["katabank_session"]
    with Session(engine) as session:
        stored = session.exec(select(LoginSession)).one()
    assert stored.token_hash != token
    assert stored.token_hash == logins.token_hash(token)


def test_an_expired_login_session_is_not_accepted(
    client: TestClient, user: User, engine: Engine
) -> None:
    login(client)
    with Session(engine) as session:
        stored = session.exec(select(LoginSession)).one()
        stored.expires_at = utcnow() - timedelta(seconds=1)
        session.add(stored)
        session.commit()
    assert page(client.get("/questions")).css_first(".nav-user") is None


def test_login_is_rate_limited_after_repeated_failures(
    client: TestClient, user: User, engine: Engine
) -> None:
    for _ in range(5):
        response = post_form(
            client, "/login", {"username": "alice", "password": "nope nope"}, token_from="/login"
        )
        assert response.status_code == 400
    # Even the right password is refused now, with a clear message.
    response = post_form(
        client, "/login", {"username": "alice", "password": PASSWORD}, token_from="/login"
    )
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    error = page(response).css_first(".form-error")
    assert error is not None
    assert error.text().startswith("Too many attempts. Try again in 15 minutes.")
    with Session(engine) as session:
        assert len(_attempts(session)) == 5


def test_rate_limit_is_per_username(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    make_user("alice")
    make_user("grace")
    for _ in range(5):
        post_form(client, "/login", {"username": "alice", "password": "x" * 8}, token_from="/login")
    login(client, "grace")


def test_rate_limit_window_expires(engine: Engine, user: User) -> None:
    policy = accounts.LoginPolicy(max_failures=2, window=timedelta(minutes=15))
    start = utcnow()
    with Session(engine) as session:
        attempt = functools.partial(accounts.authenticate, session=session, policy=policy)
        for _ in range(2):
            with pytest.raises(accounts.LoginRefused):
                attempt(username="alice", password="bad password", client="1.2.3.4", now=start)
        with pytest.raises(accounts.RateLimited) as refused:
            attempt(
                username="alice",
                password=PASSWORD,
                client="1.2.3.4",
                now=start + timedelta(minutes=5),
            )
        assert refused.value.retry_after == timedelta(minutes=10)
        # Another user's failure after the window has passed clears the stale rows.
        later = start + timedelta(minutes=15, seconds=1)
        with pytest.raises(accounts.LoginRefused):
            attempt(username="mallory", password="bad password", client="5.6.7.8", now=later)
        assert [a.key for a in _attempts(session)] == ["mallory 5.6.7.8"]
        found = attempt(username="alice", password=PASSWORD, client="1.2.3.4", now=later)
        assert found.id == user.id


def test_a_successful_login_forgets_earlier_failures(engine: Engine, user: User) -> None:
    with Session(engine) as session:
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(
                session=session, username="alice", password="bad password", client="1.2.3.4"
            )
        assert len(_attempts(session)) == 1
        accounts.authenticate(
            session=session, username="alice", password=PASSWORD, client="1.2.3.4"
        )
        assert _attempts(session) == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/questions?q=lstm", "/questions?q=lstm"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
    ],
)
def test_login_goes_on_to_a_local_next_page_only(
    client: TestClient, user: User, target: str, expected: str
) -> None:
    response = post_form(
        client,
        "/login",
        {"username": "alice", "password": PASSWORD, "next": target},
        token_from="/login",
    )
    assert response.headers["location"] == expected


def test_login_form_redirects_a_logged_in_user(logged_in: TestClient) -> None:
    response = logged_in.get("/login", follow_redirects=False)
    assert response.status_code == 303


def test_login_form_carries_its_csrf_token(client: TestClient) -> None:
    html = page(client.get("/login"))
    field = html.css_first('form[action="/login"] input[name="csrf_token"]')
    assert field is not None and field.attributes["value"] == csrf_token(client, "/login")
