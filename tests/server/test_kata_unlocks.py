"""What solving a kata unlocks (the next kata, its other approaches) and never before."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from graders import Verdict, load_kata
from server.approaches import _approach, approaches
from server.config import PROJECT_ROOT
from server.models import User
from server.submissions import Kind, Status
from tests.factories import csrf_token, make_submission, one, page, text

KATA = load_kata(PROJECT_ROOT / "katas", "intersection")


def test_nothing_is_unlocked_before_the_kata_is_solved(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    # A passing run (sample tests only) and a failing submit do not solve the kata.
    make_submission(engine, user, kind=Kind.run, status=Status.done, verdict=Verdict.PASSED)
    make_submission(engine, user, status=Status.done, verdict=Verdict.FAILED)
    html = page(logged_in.get("/katas/intersection"))
    assert one(html, "#unlocked .locked") is not None
    assert html.css("#approaches") == [] and html.css(".next-kata") == []
    assert "def intersection" not in text(html, "#unlocked")


def test_solving_a_kata_unlocks_the_next_one_and_its_approaches(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    solved = make_submission(engine, user, status=Status.done, verdict=Verdict.PASSED)
    html = page(logged_in.get("/katas/intersection"))
    shown = {
        item.attributes["data-approach"]: text(item, ".approach-summary")
        for item in html.css("#approaches li.approach")
    }
    expected = approaches(KATA)
    assert list(shown) == [approach.name for approach in expected] and len(shown) >= 2
    assert all(shown[a.name] == a.summary and a.summary.endswith(".") for a in expected)
    next_link = one(html, ".next-kata a")
    assert next_link.attributes["href"] != "/katas/intersection"
    assert logged_in.get(str(next_link.attributes["href"])).status_code == 200
    # The graded result says so too, with the same next kata.
    fragment = page(
        logged_in.get(
            f"/submissions/{solved.id}", headers={"HX-Request": "true", "HX-Target": "result"}
        )
    )
    assert (
        one(fragment, ".unlocked-now .next-kata-link").attributes["href"]
        == (next_link.attributes["href"])
    )


def test_an_approachs_sentence_comes_from_its_docstring_or_first_comment(tmp_path: Path) -> None:
    (tmp_path / "with_docstring.py").write_text('"""Sort first. Then scan."""\nx = 1\n')
    (tmp_path / "with_comment.py").write_text("# Two pointers walk the lists.\nx = 1  # not this\n")
    (tmp_path / "bare_name.py").write_text("x = 1  # an inline remark\n")
    assert _approach(tmp_path / "with_docstring.py").summary == "Sort first."
    assert _approach(tmp_path / "with_comment.py").summary == "Two pointers walk the lists."
    assert _approach(tmp_path / "bare_name.py").summary == "Bare name."


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("test_nothing_shared", "Nothing shared"),
        ("test_keeps_first_order[3-4]", "Keeps first order [3-4]"),
        ("sample_case", "Sample case"),
    ],
)
def test_test_names_read_as_sentences(client: TestClient, name: str, sentence: str) -> None:
    env = client.app.state.templates.env  # type: ignore[attr-defined]
    macro = env.from_string('{% import "katas/_macros.html" as k %}{{ k.test_sentence(name) }}')
    assert macro.render(name=name).strip() == sentence


def test_load_buttons_say_when_loading_would_replace_the_draft(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    same = make_submission(engine, user, source="x = 1\n", status=Status.done)
    other = make_submission(engine, user, source="x = 2\n", status=Status.done)
    logged_in.post(
        "/katas/intersection/draft",
        data={"source": "x = 1\n", "csrf_token": csrf_token(logged_in, "/katas/intersection")},
    )
    html = page(logged_in.get("/katas/intersection"))
    forms = {
        form.attributes["action"]: form.attributes["data-replaces-draft"]
        for form in html.css("#history form.load-form")
    }
    assert forms == {
        f"/submissions/{same.id}/load": "false",
        f"/submissions/{other.id}/load": "true",
    }
