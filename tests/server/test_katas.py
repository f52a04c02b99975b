"""Kata pages through the app: list and filters, the kata page, Run and Submit graded for real
(htmx fragments and plain forms), drafts, quick answers, history, limits, progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from graders import load_kata, load_katas
from server.config import PROJECT_ROOT
from server.models import Draft, Submission, User, utcnow
from server.submissions import MAX_SOURCE_BYTES, Kind, Status
from tests.factories import (
    KEEPS_DUPLICATES,
    RIGHT,
    assert_login_required,
    csrf_token,
    login,
    make_submission,
    one,
    page,
    post_form,
    text,
    wait_until_graded,
)

RESULT = {"HX-Request": "true", "HX-Target": "result"}


def _post(client: TestClient, path: str, data: dict[str, Any], **headers: str) -> Response:
    token = csrf_token(client, "/katas")
    return client.post(
        path, data={"csrf_token": token, **data}, headers=headers, follow_redirects=False
    )


def _graded_result(client: TestClient, kind: str, source: str) -> HTMLParser:
    """Run or Submit `source` for intersection through htmx; the result fragment once graded."""
    response = _post(
        client, "/katas/intersection/submissions", {"kind": kind, "source": source}, **RESULT
    )
    poll_url = one(page(response), "#result").attributes["hx-get"]
    assert poll_url is not None
    submission_id = int(poll_url.rsplit("/", 1)[1])
    wait_until_graded(client, submission_id)
    return page(client.get(f"/submissions/{submission_id}", headers=RESULT))


def _textarea(response: Response) -> str:
    area = page(response).css_first("textarea#source")
    assert area is not None
    return area.text(deep=False)


def test_kata_pages_need_a_login(client: TestClient) -> None:
    assert_login_required(client, "/katas", "/katas/intersection", "/submissions/1")


def test_the_list_shows_every_kata_and_filters_it(logged_in: TestClient) -> None:
    html = page(logged_in.get("/katas"))
    ids = [item.attributes["data-kata"] or "" for item in html.css("li.kata-item")]
    katas, errors = load_katas(PROJECT_ROOT / "katas")
    assert errors == [] and len(katas) >= 40
    assert sorted(ids) == sorted(kata.id for kata in katas)
    assert text(html, "#solved-count") == "0"
    assert one(html, "nav a[href='/katas']").attributes["aria-current"] == "page"

    def shown(query: str) -> list[str]:
        found = page(logged_in.get(f"/katas?{query}")).css("li.kata-item")
        return [item.attributes["data-kata"] or "" for item in found]

    def having(topic: str = "", difficulty: str = "") -> list[str]:
        return sorted(
            kata.id
            for kata in katas
            if (not topic or topic in kata.topics)
            and (not difficulty or kata.difficulty == difficulty)
        )

    assert {"p_all_distinct", "p_consecutive", "p_pattern_first"} <= set(having("probability"))
    assert sorted(shown("topic=probability")) == having("probability")
    assert "p_pattern_first" in having(difficulty="hard")
    assert sorted(shown("difficulty=hard")) == having(difficulty="hard")
    assert sorted(shown("topic=probability&difficulty=easy")) == having("probability", "easy")
    assert "p_all_distinct" in having("probability", "easy")
    assert shown("status=solved") == []
    assert len(shown("status=unsolved")) == len(katas)
    fragment = logged_in.get(
        "/katas?difficulty=hard", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert "<html" not in fragment.text
    assert page(fragment).css_first("section#results li.kata-item") is not None
    assert logged_in.get("/katas?difficulty=impossible").status_code == 400


def test_solved_means_a_passing_hidden_test_submission(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    make_submission(
        engine, user, kata_id="duplicates", kind=Kind.run, status=Status.done, verdict="passed"
    )
    make_submission(engine, user, kata_id="intersection", status=Status.done, verdict="failed")
    make_submission(engine, user, kata_id="intersection", status=Status.done, verdict="passed")
    make_submission(engine, user, kata_id="combinations", status=Status.done, verdict="failed")
    make_submission(
        engine,
        user,
        kata_id="p_consecutive",
        kind=Kind.answer,
        status=Status.done,
        verdict="passed",
    )
    html = page(logged_in.get("/katas"))
    states = {
        item.attributes["data-kata"]: item.attributes["data-state"]
        for item in html.css("li.kata-item")
    }
    assert states["intersection"] == "solved"
    assert states["duplicates"] == "attempted"
    assert states["combinations"] == "attempted"
    assert states["p_consecutive"] == "new"
    assert text(html, "#solved-count") == "1"
    solved = page(logged_in.get("/katas?status=solved")).css("li.kata-item")
    assert [item.attributes["data-kata"] for item in solved] == ["intersection"]

    progress = page(logged_in.get("/progress"))
    katas, _ = load_katas(PROJECT_ROOT / "katas")
    assert text(progress, "#katas-solved") == f"1 of {len(katas)}"
    rows = {row.attributes["data-kata"]: row for row in progress.css("#katas-table tbody tr")}
    assert text(rows["intersection"], ".kata-state") == "Solved"
    assert text(rows["duplicates"], ".kata-state") == "Attempted"
    assert text(rows["p_pattern_first"], ".kata-state") == "Not started"


def test_the_kata_page_has_the_statement_the_editor_and_the_starter(logged_in: TestClient) -> None:
    kata = load_kata(PROJECT_ROOT / "katas", "intersection")
    response = logged_in.get("/katas/intersection")
    html = page(response)
    assert text(html, "h1") == "Intersection of two arrays"
    statement = one(html, ".statement")
    assert statement.css("h1") == []  # the statement's own title is not repeated
    assert statement.css_first("span.math.inline") is not None
    assert statement.css_first("table") is not None
    form = one(html, "form#editor")
    assert form.attributes["action"] == "/katas/intersection/submissions"
    assert form.attributes["method"] == "post"
    assert form.css_first("input[name=csrf_token]") is not None
    area = one(form, "textarea#source")
    assert area.attributes["data-editor"] == "python"
    assert area.attributes["name"] == "source"
    assert area.attributes["hx-post"] == "/katas/intersection/draft"
    assert _textarea(response) == kata.starter
    buttons = [(b.attributes["name"], b.attributes["value"]) for b in form.css("button")]
    assert buttons == [("kind", "run"), ("kind", "submit")]
    assert html.css_first("#result.empty") is not None
    assert html.css_first("#quick-answer") is None
    quick = page(logged_in.get("/katas/p_consecutive"))
    assert one(quick, "#quick-answer form").attributes["action"] == "/katas/p_consecutive/answer"


def test_the_editor_page_allows_codemirrors_style_by_nonce_only(logged_in: TestClient) -> None:
    response = logged_in.get("/katas/intersection")
    script = one(page(response), "script[src='/static/katas.js']")
    nonce = script.attributes["nonce"]
    assert nonce
    policy = response.headers["content-security-policy"]
    assert f"style-src 'self' 'nonce-{nonce}';" in policy
    assert "script-src 'self';" in policy
    again = one(page(logged_in.get("/katas/intersection")), "script[src='/static/katas.js']")
    assert again.attributes["nonce"] != nonce
    assert "nonce" not in logged_in.get("/katas").headers["content-security-policy"]


def test_an_unknown_kata_is_a_404_page(logged_in: TestClient) -> None:
    response = logged_in.get("/katas/no_such_kata")
    assert response.status_code == 404
    assert "no kata with that id" in text(page(response), ".error-message")


def test_a_run_is_a_fragment_that_polls_until_graded(logged_in: TestClient) -> None:
    response = _post(
        logged_in,
        "/katas/intersection/submissions",
        {"kind": "run", "source": KEEPS_DUPLICATES},
        **RESULT,
    )
    assert response.status_code == 202
    assert "<html" not in response.text
    pending = one(page(response), "section#result")
    poll_url = pending.attributes["hx-get"]
    assert poll_url is not None
    submission_id = int(poll_url.rsplit("/", 1)[1])
    assert pending.attributes["data-status"] in ("queued", "running")
    assert pending.attributes["hx-trigger"] == "load delay:500ms"
    assert pending.attributes["hx-swap"] == "outerHTML"
    assert "HX-Trigger" not in response.headers

    assert wait_until_graded(logged_in, submission_id)["verdict"] == "failed"
    done = logged_in.get(f"/submissions/{submission_id}", headers=RESULT)
    assert done.headers["HX-Trigger"] == "submission-done"
    result = one(page(done), "section#result")
    assert result.attributes["data-verdict"] == "failed"
    assert "hx-get" not in result.attributes
    assert text(result, ".verdict-badge") == "Wrong answer"
    assert text(result, "#result-heading") == "Sample tests"
    assert one(result, ".counterexample h3").text(deep=False).strip() == "Failing input"
    assert text(result, ".io-input") == "intersection([1, 0, 9, 9], [3, 0, 9, 9])"
    assert text(result, ".io-expected") == "[0, 9]"
    assert text(result, ".io-got") == "[0, 9, 9]"
    outcomes = {
        text(item, ".test-name"): item.attributes["class"] for item in result.css(".test-list li")
    }
    # Test names read as sentences; the function's own name is on hover.
    assert outcomes["Repeated values appear once"] == "test outcome-failed"
    assert outcomes["Notes example"] == "test outcome-passed"
    names = {one(item, ".test-name").attributes["title"] for item in result.css(".test-list li")}
    assert "test_repeated_values_appear_once" in names
    # Running also saved the code as the draft.
    assert _textarea(logged_in.get("/katas/intersection")) == KEEPS_DUPLICATES


def test_an_sql_failure_is_headed_as_the_tables_not_as_calls(logged_in: TestClient) -> None:
    """The failing tables span several lines, like a class kata's calls: the kind decides."""
    wrong = (
        "SELECT c.id, c.name, COUNT(o.id) FROM customers c"
        " JOIN orders o ON o.customer_id = c.id GROUP BY c.id"
    )
    response = _post(
        logged_in,
        "/katas/sql_orders_per_customer/submissions",
        {"kind": "run", "source": wrong},
        **RESULT,
    )
    submission_id = int(str(one(page(response), "#result").attributes["hx-get"]).rsplit("/", 1)[1])
    assert wait_until_graded(logged_in, submission_id)["verdict"] == "failed"
    result = page(logged_in.get(f"/submissions/{submission_id}", headers=RESULT))
    assert "\n" in text(result, ".io-input")
    assert one(result, ".counterexample h3").text(deep=False).strip() == "Failing tables"
    labels = [node.text() for node in result.css(".counterexample dt")]
    assert labels == ["Tables", "Expected", "Got"]


def test_a_property_failure_shows_the_input_hypothesis_shrank_to(logged_in: TestClient) -> None:
    # No example test uses -20..-10, so only the property against the reference finds the bug.
    source = (
        "def intersection(xs, ys):\n"
        "    return [x for x in set(xs) if x in ys and not -20 <= x <= -10]\n"
    )
    result = _graded_result(logged_in, "submit", source)
    heading = one(result, ".counterexample h3")
    assert heading.text(deep=False).strip() == "Smallest failing input"
    assert text(heading, ".test-name") == "Matches reference"
    assert text(result, ".io-input") == "intersection([-10], [-10])"
    assert (text(result, ".io-expected"), text(result, ".io-got")) == (
        "[-10]",
        "[]",
    )
    examples = text(result, ".test.outcome-failed .examples")
    assert examples.endswith(" examples")


def test_an_error_shows_the_trimmed_traceback_and_the_output(logged_in: TestClient) -> None:
    source = (
        "def intersection(xs, ys):\n"
        "    print('looking at', xs)\n"
        "    xs[0]  # fails for an empty list\n"
        "    return list(set(xs) & set(ys))\n"
    )
    result = _graded_result(logged_in, "run", source)
    assert text(result, ".verdict-badge") == "Error"
    error = one(result, ".candidate-error")
    assert "IndexError" in text(error, "h3")
    assert "line 3" in text(error, "h3")
    assert text(error, ".io-input") == "intersection([], [1, 2])"
    traceback = text(error, ".traceback")
    assert 'File "solution.py", line 3, in intersection' in traceback
    assert "graders" not in traceback and "_harness" not in traceback and "pytest" not in traceback
    assert "looking at [1, 5, 9, 0]" in text(result, ".stdout pre")


def test_without_javascript_a_submission_redirects_to_its_own_page(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    response = _post(
        logged_in, "/katas/intersection/submissions", {"kind": "submit", "source": RIGHT}
    )
    assert response.status_code == 303
    location = response.headers["location"]
    submission_id = int(location.rsplit("/", 1)[1])
    assert location == f"/submissions/{submission_id}"
    assert wait_until_graded(logged_in, submission_id)["verdict"] == "passed"
    html = page(logged_in.get(location))
    assert text(html, "h1") == f"Submit #{submission_id}"
    assert one(html, "#result").attributes["data-verdict"] == "passed"
    assert text(html, "#result-heading") == "All tests"
    assert one(html, "textarea#submitted-source").text(deep=False) == RIGHT
    assert "readonly" in one(html, "textarea#submitted-source").attributes
    assert html.css_first("noscript") is None

    # A submission still waiting refreshes itself, with htmx or, without it, a meta refresh.
    waiting = make_submission(engine, user, status=Status.queued)
    pending = page(logged_in.get(f"/submissions/{waiting.id}"))
    assert one(pending, "#result").attributes["hx-get"] == f"/submissions/{waiting.id}"
    assert text(pending, ".verdict-badge") == "Queued"
    assert "Waiting for a free grader" in text(pending, "#result .verdict-line")
    assert pending.css_first("noscript") is not None


def test_drafts_are_saved_as_you_type_and_restored(logged_in: TestClient, engine: Engine) -> None:
    draft = "def intersection(xs, ys):\n    pass  # thinking\n"
    saved = _post(
        logged_in,
        "/katas/intersection/draft",
        {"source": draft},
        **{"HX-Request": "true", "HX-Target": "draft-status"},
    )
    assert saved.status_code == 200
    assert text(page(saved), "#draft-status").startswith("Draft saved")
    assert _textarea(logged_in.get("/katas/intersection")) == draft
    html = page(logged_in.get("/katas/intersection"))
    assert html.css_first("#draft-status time") is not None

    plain = _post(logged_in, "/katas/intersection/draft", {"source": "x = 1\n"})
    assert (plain.status_code, plain.headers["location"]) == (303, "/katas/intersection")
    assert _textarea(logged_in.get("/katas/intersection")) == "x = 1\n"

    too_big = _post(
        logged_in,
        "/katas/intersection/draft",
        {"source": "#" * (MAX_SOURCE_BYTES + 1)},
        **{"HX-Request": "true", "HX-Target": "draft-status"},
    )
    assert too_big.status_code == 413
    assert "the limit is 64 KiB" in text(page(too_big), "#draft-status .error")
    with Session(engine) as session:
        assert [row.source for row in session.exec(select(Draft)).all()] == ["x = 1\n"]


def test_quick_answers_are_checked_inline_and_kept(logged_in: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-Target": "quick-answer"}
    wrong = _post(logged_in, "/katas/p_consecutive/answer", {"answer": "0.5"}, **headers)
    box = one(page(wrong), "section#quick-answer")
    assert text(box, ".answer-message.wrong").strip().endswith("Not quite: 0.5 is too large")
    assert one(box, "input[name=answer]").attributes["value"] == "0.5"
    right = _post(logged_in, "/katas/p_consecutive/answer", {"answer": "11/216"}, **headers)
    box = one(page(right), "section#quick-answer")
    assert "Correct: 11/216" in text(box, ".answer-message.correct")
    assert [item.text() for item in box.css(".earlier-answers li code")] == ["0.5"]

    plain = _post(logged_in, "/katas/p_consecutive/answer", {"answer": "abc"})
    assert plain.headers["location"] == "/katas/p_consecutive#quick-answer"
    shown = one(page(logged_in.get("/katas/p_consecutive")), "#quick-answer .answer-message")
    assert "Could not read 'abc'" in shown.text()
    # Quick answers are not runs or submits: the history and the solved state ignore them.
    assert page(logged_in.get("/katas/p_consecutive")).css("#history tbody tr") == []
    assert _post(logged_in, "/katas/intersection/answer", {"answer": "1/2"}).status_code == 404
    wrong_form = {"kind": "answer", "source": "1/2"}
    assert _post(logged_in, "/katas/p_consecutive/submissions", wrong_form).status_code == 400
    assert _post(logged_in, "/katas/p_consecutive/answer", {"answer": "1" * 201}).status_code == 400


def test_the_history_lists_runs_and_submits_and_any_can_be_reloaded(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    old = make_submission(
        engine,
        user,
        source=KEEPS_DUPLICATES,
        status=Status.done,
        verdict="failed",
        created_at=utcnow() - timedelta(minutes=5),
    )
    new = make_submission(engine, user, kind=Kind.run, status=Status.done, verdict="passed")
    make_submission(engine, user, kata_id="duplicates", status=Status.done, verdict="passed")
    history = one(page(logged_in.get("/katas/intersection/history")), "section#history")
    rows = history.css("tbody tr")
    assert [row.attributes["data-id"] for row in rows] == [str(new.id), str(old.id)]
    assert [text(row, ".verdict-badge") for row in rows] == ["Passed", "Wrong answer"]
    assert one(rows[1], "a").attributes["href"] == f"/submissions/{old.id}"
    assert history.attributes["hx-trigger"] == "submission-done from:body"

    loaded = post_form(logged_in, f"/submissions/{old.id}/load", {}, token_from="/katas")
    assert loaded.headers["location"] == "/katas/intersection#editor"
    assert _textarea(logged_in.get("/katas/intersection")) == KEEPS_DUPLICATES
    # The page shows the newest result in place.
    html = page(logged_in.get("/katas/intersection"))
    assert one(html, "#result").attributes["data-verdict"] == "passed"


@pytest.mark.parametrize("htmx", [False, True])
def test_too_many_submissions_in_a_minute_get_a_clear_429(
    logged_in: TestClient, engine: Engine, user: User, htmx: bool
) -> None:
    for _ in range(10):
        make_submission(engine, user, kind=Kind.run, status=Status.done, verdict="passed")
    code = "def intersection(xs, ys):\n    return []  # my latest idea\n"
    headers = RESULT if htmx else {}
    response = _post(
        logged_in, "/katas/intersection/submissions", {"kind": "run", "source": code}, **headers
    )
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 60
    html = page(response)
    message = text(html, "#result.refused .form-error")
    assert message.startswith("That is 10 runs and submissions in the last minute")
    if htmx:
        assert "<html" not in response.text
    else:
        assert _textarea(response) == code  # nothing typed is lost
    with Session(engine) as session:
        assert len(session.exec(select(Submission)).all()) == 10


def test_code_over_64_kib_gets_a_clear_413(logged_in: TestClient, engine: Engine) -> None:
    code = "# " + "x" * MAX_SOURCE_BYTES + "\n"
    response = _post(
        logged_in, "/katas/intersection/submissions", {"kind": "submit", "source": code}
    )
    assert response.status_code == 413
    html = page(response)
    assert "the limit is 64 KiB" in text(html, "#result.refused .form-error")
    assert _textarea(response) == code
    with Session(engine) as session:
        assert session.exec(select(Submission)).all() == []


def test_one_user_never_sees_anothers_code_or_verdicts_on_pages(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    secret = "def intersection(xs, ys):\n    return []  # alice's secret\n"
    theirs = make_submission(engine, alice, source=secret, status=Status.done, verdict="passed")
    login(client, bob.username)
    missing = client.get(f"/submissions/{theirs.id}")
    assert missing.status_code == 404
    assert secret not in missing.text
    assert client.get(f"/submissions/{theirs.id}", headers=RESULT).status_code == 404
    loaded = post_form(client, f"/submissions/{theirs.id}/load", {}, token_from="/katas")
    assert loaded.status_code == 404
    html = page(client.get("/katas/intersection"))
    assert html.css("#history tbody tr") == []
    assert html.css_first("#result.empty") is not None
    assert secret not in _textarea(client.get("/katas/intersection"))
    state = one(page(client.get("/katas")), "li[data-kata=intersection]")
    assert state.attributes["data-state"] == "new"
    with Session(engine) as session:
        assert session.exec(select(Draft).where(col(Draft.user_id) == bob.id)).all() == []
