"""The app starts on a fresh database and serves its pages."""

from __future__ import annotations

from factories import page
from fastapi.testclient import TestClient


def test_questions_page_lists_the_bank(client: TestClient) -> None:
    response = client.get("/questions")
    assert response.status_code == 200
    links = page(response).css("ol.question-list a.question-link")
    assert len(links) == 4


def test_logged_in_user_is_shown_in_the_nav(logged_in: TestClient) -> None:
    nav = page(logged_in.get("/questions")).css_first(".nav-user")
    assert nav is not None and nav.text() == "alice"
