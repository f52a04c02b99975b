"""API tokens: made on the account page (shown once, stored hashed), revocable, expiring;
`Authorization: Bearer` works on the JSON API without CSRF, never on the pages, and never
excuses a request that also carries the session cookie from CSRF."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server.apitokens import ApiToken
from server.models import Role, User, utcnow
from tests.factories import RIGHT, login, make_user, page, post_form, text


def _create(client: TestClient, name: str = "ci script", days: str = "") -> str:
    response = post_form(
        client, "/account/tokens", {"name": name, "days": days}, token_from="/account"
    )
    assert response.status_code == 200, response.text
    return text(page(response), "code.new-token")


def _bearer(app: FastAPI, token: str) -> TestClient:
    """A cookie-less client, as a script is."""
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def test_a_token_is_shown_once_and_stored_hashed(logged_in: TestClient, engine: Engine) -> None:
    token = _create(logged_in)
    assert token.startswith("kb_") and len(token) > 40
    with Session(engine) as session:
        stored = session.exec(select(ApiToken)).one()
    assert token not in (stored.token_hash, stored.shown) and token.startswith(stored.shown)
    again = page(logged_in.get("/account"))
    assert again.css_first("code.new-token") is None
    assert token not in (again.html or "")
    assert text(again, "table.tokens tr.token td") == "ci script"


def test_a_token_works_on_the_api_without_csrf(app: FastAPI, logged_in: TestClient) -> None:
    script = _bearer(app, _create(logged_in))
    assert script.get("/api/session").json()["username"] == "alice"
    created = script.post("/api/submissions", json={"kata_id": "intersection", "source": RIGHT})
    assert created.status_code == 202, created.text
    assert [item["id"] for item in script.get("/api/submissions").json()] == [created.json()["id"]]


def test_a_token_does_not_open_the_pages(app: FastAPI, logged_in: TestClient) -> None:
    script = _bearer(app, _create(logged_in))
    response = script.get("/account", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_a_request_with_the_session_cookie_still_needs_csrf(
    app: FastAPI, logged_in: TestClient
) -> None:
    token = _create(logged_in)
    response = logged_in.post(
        "/api/submissions",
        json={"kata_id": "intersection", "source": RIGHT},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 403


def test_wrong_revoked_and_expired_tokens_are_refused(
    app: FastAPI, logged_in: TestClient, engine: Engine
) -> None:
    assert _bearer(app, "kb_" + "x" * 43).get("/api/session").status_code == 401
    assert _bearer(app, "nonsense").get("/api/session").status_code == 401
    revoked = _create(logged_in, "revoked")
    expiring = _create(logged_in, "expiring", days="1")
    with Session(engine, expire_on_commit=False) as session:
        rows = {row.name: row for row in session.exec(select(ApiToken))}
        row = rows["expiring"]
        assert row.expires_at is not None
        row.expires_at = utcnow() - timedelta(seconds=1)
        session.add(row)
        session.commit()
    assert _bearer(app, expiring).get("/api/session").status_code == 401
    assert _bearer(app, revoked).get("/api/session").status_code == 200
    revoke = post_form(
        logged_in, f"/account/tokens/{rows['revoked'].id}/revoke", {}, token_from="/account"
    )
    assert revoke.status_code == 200 and text(page(revoke), ".notice") == "Token revoked."
    assert _bearer(app, revoked).get("/api/session").status_code == 401


def test_one_cannot_revoke_another_users_token(
    app: FastAPI, logged_in: TestClient, engine: Engine
) -> None:
    other = TestClient(app)
    make_user(engine, "mallory")
    login(other, "mallory")
    _create(other, "mallory's")
    with Session(engine) as session:
        row = session.exec(select(ApiToken)).one()
    response = post_form(logged_in, f"/account/tokens/{row.id}/revoke", {}, token_from="/account")
    assert response.status_code == 404
    with Session(engine) as session:
        assert session.exec(select(ApiToken)).one().id == row.id


def test_bad_token_names_and_lifetimes_are_explained(logged_in: TestClient) -> None:
    for name, days, message in [
        ("", "", "1 to 60 characters"),
        ("x" * 61, "", "1 to 60 characters"),
        ("ok", "0", "1 to 3650 days"),
        ("ok", "soon", "1 to 3650 days"),
    ]:
        response = post_form(
            logged_in, "/account/tokens", {"name": name, "days": days}, token_from="/account"
        )
        assert response.status_code == 400
        assert message in text(page(response), "#error-name")


def test_a_manager_makes_tokens_too(app: FastAPI, engine: Engine, user: User) -> None:

    make_user(engine, "boss", role=Role.manager)
    manager = TestClient(app)
    login(manager, "boss")
    script = _bearer(app, _create(manager))
    assert script.get("/api/session").json()["username"] == "boss"


def test_the_schema_documents_the_token(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    bearer = schema["components"]["securitySchemes"]["bearerToken"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    assert {"bearerToken": []} in schema["security"]
