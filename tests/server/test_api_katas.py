"""API completeness: the katas, cursor pages on lists, and the documented error codes (400 for a
malformed request, never 422) being the ones returned."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from server.config import PROJECT_ROOT
from server.models import User, utcnow
from tests.factories import make_submission


def _pages(client: TestClient, path: str) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    url: str | None = path
    while url is not None and len(pages) < 50:
        response = client.get(url)
        assert response.status_code == 200, response.text
        pages.append(response.json())
        link = response.headers.get("link")
        if link is None:
            assert "x-next-cursor" not in response.headers
            url = None
        else:
            assert link.endswith('>; rel="next"')
            url = link[1 : link.index(">")]
            assert response.headers["x-next-cursor"] in url
    return pages


def test_the_katas_are_listed_with_their_limits(logged_in: TestClient) -> None:
    # More katas than one page holds: follow the cursor.
    listed = [kata for page in _pages(logged_in, "/api/katas") for kata in page]
    on_disk = sorted(path.parent.name for path in (PROJECT_ROOT / "katas").glob("*/kata.toml"))
    assert [kata["id"] for kata in listed] == on_disk
    first = listed[0]
    assert set(first) == {"id", "title", "difficulty", "topics", "kind", "function", "limits"}
    assert set(first["limits"]) == {"wall_seconds", "cpu_seconds", "memory_mb", "output_kb"}


def test_one_kata_has_its_statement_and_starter(logged_in: TestClient) -> None:
    kata = logged_in.get("/api/katas/intersection").json()
    folder = PROJECT_ROOT / "katas" / "intersection"
    assert kata["statement"] == (folder / "statement.md").read_text(encoding="utf-8")
    assert kata["starter"] == (folder / "starter.py").read_text(encoding="utf-8")
    assert (kata["kind"], kata["function"]) == ("function", "intersection")
    sql = logged_in.get("/api/katas/sql_running_balance").json()
    assert (sql["kind"], sql["function"]) == ("sql", "query")
    assert sql["starter"] == (PROJECT_ROOT / "katas/sql_running_balance/starter.sql").read_text()
    missing = logged_in.get("/api/katas/no_such_kata")
    assert (missing.status_code, missing.json()) == (
        404,
        {"detail": "There is no kata with that id."},
    )


def test_katas_come_in_cursor_pages(logged_in: TestClient) -> None:
    everything = [kata for page in _pages(logged_in, "/api/katas?limit=100") for kata in page]
    pages = _pages(logged_in, "/api/katas?limit=3")
    assert [len(page) for page in pages][:-1] == [3] * (len(pages) - 1)
    assert [kata["id"] for page in pages for kata in page] == [kata["id"] for kata in everything]


def test_submissions_come_in_cursor_pages_newest_first(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    now = utcnow()
    made = [
        make_submission(engine, user, created_at=now - timedelta(minutes=number % 3))
        for number in range(7)
    ]
    pages = _pages(logged_in, "/api/submissions?limit=2")
    assert [len(page) for page in pages] == [2, 2, 2, 1]
    listed = [item["id"] for page in pages for item in page]
    newest_first = sorted(made, key=lambda row: (row.created_at, row.id), reverse=True)
    assert listed == [row.id for row in newest_first]


def test_a_cursor_this_api_did_not_hand_out_is_a_400(logged_in: TestClient) -> None:
    for path in (
        "/api/katas?cursor=not-a-cursor",
        "/api/submissions?cursor=WyJ4Il0",  # ["x"]: a kata cursor, not a submissions one
        "/api/submissions?cursor=WyJub3QgYSB0aW1lIiwgMV0",  # ["not a time", 1]
    ):
        response = logged_in.get(path)
        assert response.status_code == 400, path
        assert response.json() == {"detail": "The cursor is not one this API handed out."}


def test_the_documented_errors_are_the_ones_returned(logged_in: TestClient) -> None:
    schema = logged_in.get("/api/openapi.json").json()
    # A malformed request is 400 everywhere; 422 is only ever a route's own documented answer
    # to a well-formed request its domain refuses (a mock that cannot be built, say).
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            refused = operation["responses"].get("422")
            assert refused is None or refused["description"] != "Validation Error", (method, path)
    assert "422" in schema["paths"]["/api/mocks"]["post"]["responses"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    listing = schema["paths"]["/api/submissions"]["get"]["responses"]
    assert listing["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    assert set(listing["200"]["headers"]) == {"Link", "X-Next-Cursor"}
    # A malformed parameter is answered as documented: 400 naming the field.
    response = logged_in.get("/api/submissions?limit=0")
    assert response.status_code == 400
    assert response.json() == {"detail": "These fields are missing or invalid: limit."}
    assert logged_in.get("/api/katas?limit=201").status_code == 400
