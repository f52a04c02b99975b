"""The account page: change password (ending other logins), the list of one's logins with
"log out everywhere else", and logins that end after an idle time beside their lifetime."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server import accounts, logins
from server.models import LoginSession, User, utcnow
from server.reviews import as_utc
from tests.factories import PASSWORD, assert_login_required, login, page, post_form, text


def _second_browser(app: FastAPI, username: str = "alice") -> TestClient:
    other = TestClient(app, headers={"User-Agent": "OtherBrowser/1.0"})
    login(other, username)
    return other


def _logged_in_as(client: TestClient) -> str | None:
    nav_user = page(client.get("/questions")).css_first(".nav-user")
    return nav_user.text() if nav_user is not None else None


def test_the_account_page_needs_login(client: TestClient) -> None:
    assert_login_required(client, "/account")


def test_the_account_page_lists_where_one_is_logged_in(app: FastAPI, logged_in: TestClient) -> None:
    _second_browser(app)
    html = page(logged_in.get("/account"))
    items = html.css("ul.logins li.login")
    assert len(items) == 2
    assert "OtherBrowser/1.0" in text(html, "ul.logins")
    current = html.css("li.login.current")
    assert len(current) == 1 and "(this browser)" in current[0].text()


def test_log_out_everywhere_else_keeps_this_browser(
    app: FastAPI, logged_in: TestClient, engine: Engine
) -> None:
    other = _second_browser(app)
    response = post_form(logged_in, "/account/logins/end", {}, token_from="/account")
    assert response.status_code == 200
    assert text(page(response), ".notice") == "1 other login ended."
    assert _logged_in_as(logged_in) == "alice"
    assert _logged_in_as(other) is None
    with Session(engine) as session:
        assert len(session.exec(select(LoginSession)).all()) == 1


def test_changing_the_password_ends_the_other_logins(
    app: FastAPI, logged_in: TestClient, engine: Engine, user: User
) -> None:
    other = _second_browser(app)
    form = {"current_password": PASSWORD, "new_password": "a new long password"}
    response = post_form(logged_in, "/account/password", form, token_from="/account")
    assert response.status_code == 200
    assert text(page(response), ".notice").startswith("Password changed; 1 other login ended.")
    assert _logged_in_as(logged_in) == "alice"
    assert _logged_in_as(other) is None
    with Session(engine) as session:
        stored = session.get(User, user.id)
    assert stored is not None
    assert accounts.verify_password(stored.password_hash, "a new long password")


def test_a_wrong_current_password_changes_nothing(
    app: FastAPI, logged_in: TestClient, engine: Engine, user: User
) -> None:
    other = _second_browser(app)
    form = {"current_password": "not my password", "new_password": "a new long password"}
    response = post_form(logged_in, "/account/password", form, token_from="/account")
    assert response.status_code == 400
    assert text(page(response), "#error-current_password") == "That is not your current password."
    assert _logged_in_as(other) == "alice"
    with Session(engine) as session:
        stored = session.get(User, user.id)
    assert stored is not None and accounts.verify_password(stored.password_hash, PASSWORD)


def test_a_too_short_new_password_is_refused_by_name(logged_in: TestClient) -> None:
    form = {"current_password": PASSWORD, "new_password": "short"}
    response = post_form(logged_in, "/account/password", form, token_from="/account")
    assert response.status_code == 400
    assert "8 to 256 characters" in text(page(response), "#error-new_password")


def test_an_idle_login_ends_before_its_lifetime(
    logged_in: TestClient, engine: Engine, app: FastAPI
) -> None:
    idle = timedelta(hours=app.state.settings.session_idle_hours)
    with Session(engine) as session:
        stored = session.exec(select(LoginSession)).one()
        stored.last_seen_at = utcnow() - idle + timedelta(minutes=5)
        session.add(stored)
        session.commit()
    assert _logged_in_as(logged_in) == "alice"  # used again in time: the idle clock restarts
    with Session(engine) as session:
        # Stored by the request's lookup, which runs outside a transaction (autocommit).
        seen = as_utc(session.exec(select(LoginSession)).one().last_seen_at)
        assert utcnow() - seen < timedelta(minutes=1)
        stored = session.exec(select(LoginSession)).one()
        stored.last_seen_at = utcnow() - idle - timedelta(seconds=1)
        session.add(stored)
        session.commit()
    assert _logged_in_as(logged_in) is None


def test_reading_pages_writes_the_last_use_at_most_once_a_minute(
    engine: Engine, user: User
) -> None:
    start = utcnow()
    policy = logins.SessionPolicy(lifetime=timedelta(days=1), idle=timedelta(hours=1))
    with Session(engine, expire_on_commit=False) as session:
        token, _ = logins.start_login(session=session, user=user, policy=policy, now=start)
        for seconds, seen in [(30, start), (61, start + timedelta(seconds=61))]:
            found = logins.find_login(
                session=session,
                token=token,
                idle=policy.idle,
                now=start + timedelta(seconds=seconds),
            )
            assert found is not None
            session.expire_all()
            stored = session.exec(select(LoginSession)).one()
            assert stored.last_seen_at.replace(tzinfo=None) == seen.replace(tzinfo=None)
        late = start + timedelta(seconds=61) + policy.idle
        assert logins.find_login(session=session, token=token, idle=policy.idle, now=late) is None
