"""The JSON API: submit, long-poll for the verdict, list; login, CSRF, limits, authorization,
its OpenAPI schema, and every seed kata's reference solution passing through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from httpx2 import Response

from server.config import PROJECT_ROOT
from server.models import User
from server.submissions import MAX_SOURCE_BYTES
from tests.factories import KEEPS_DUPLICATES, REPRESENTATIVE_KATAS, RIGHT, login, wait_until_graded


def _token(client: TestClient) -> str:
    token: str = client.get("/api/session").json()["csrf_token"]
    return token


def _post(client: TestClient, body: dict[str, Any], token: str | None = None) -> Response:
    return client.post(
        "/api/submissions", json=body, headers={"X-CSRF-Token": token or _token(client)}
    )


def test_the_api_needs_a_login(client: TestClient) -> None:
    for method, path in (
        ("GET", "/api/session"),
        ("GET", "/api/submissions"),
        ("GET", "/api/submissions/1"),
    ):
        response = client.request(method, path)
        assert response.status_code == 401
        assert response.json() == {"detail": "Log in first."}


def test_a_post_needs_the_csrf_header(logged_in: TestClient) -> None:
    body = {"kata_id": "intersection", "source": RIGHT}
    for headers in ({}, {"X-CSRF-Token": "not-the-token"}):
        response = logged_in.post("/api/submissions", json=body, headers=headers)
        assert response.status_code == 403
        assert "Reload the page" in response.json()["detail"]
    assert logged_in.get("/api/submissions").json() == []


def test_submit_then_long_poll_for_the_verdict_then_list(logged_in: TestClient) -> None:
    token = _token(logged_in)
    created = _post(logged_in, {"kata_id": "intersection", "source": KEEPS_DUPLICATES}, token)
    assert created.status_code == 202
    first = created.json()
    assert first["status"] == "queued"
    assert first["url"] == f"/api/submissions/{first['id']}"

    graded = wait_until_graded(logged_in, first["id"])
    assert (graded["kind"], graded["verdict"], graded["source"]) == (
        "submit",
        "failed",
        KEEPS_DUPLICATES,
    )
    assert graded["finished_at"] is not None
    report = graded["report"]
    assert report["schema"] == 1
    assert report["failure"] == {
        "test": "tests_sample.py::test_repeated_values_appear_once",
        "input": "intersection([1, 0, 9, 9], [3, 0, 9, 9])",
        "expected": "[0, 9]",
        "got": "[0, 9, 9]",
        "reason": "values repeated: [9]",
    }

    run = _post(
        logged_in, {"kata_id": "intersection", "source": RIGHT, "kind": "run"}, token
    ).json()
    assert wait_until_graded(logged_in, run["id"])["report"]["suite"] == "sample"
    other = _post(logged_in, {"kata_id": "duplicates", "source": "x = 1\n"}, token).json()

    listed = logged_in.get("/api/submissions").json()
    assert [item["id"] for item in listed] == [other["id"], run["id"], first["id"]]
    assert "source" not in listed[0] and "report" not in listed[0]
    by_kata = logged_in.get("/api/submissions?kata_id=intersection").json()
    assert [item["id"] for item in by_kata] == [run["id"], first["id"]]
    assert [item["id"] for item in logged_in.get("/api/submissions?limit=1").json()] == [
        other["id"]
    ]
    wait_until_graded(logged_in, other["id"])


def test_representative_katas_reference_solutions_pass_through_the_api(
    logged_in: TestClient,
) -> None:
    references = [PROJECT_ROOT / "katas" / kata / "reference.py" for kata in REPRESENTATIVE_KATAS]
    token = _token(logged_in)
    ids = {}
    for path in references:
        body = {"kata_id": path.parent.name, "source": path.read_text(encoding="utf-8")}
        response = _post(logged_in, body, token)
        assert response.status_code == 202, response.text
        ids[path.parent.name] = response.json()["id"]
    verdicts = {kata: wait_until_graded(logged_in, ids[kata])["verdict"] for kata in ids}
    assert verdicts == dict.fromkeys(ids, "passed")
    solved = logged_in.get("/katas?status=solved").text
    for kata in ids:
        assert f'data-kata="{kata}"' in solved


def test_another_users_submission_is_a_404_like_a_missing_one(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    make_user("alice"), make_user("bob")
    login(client, "alice")
    secret = "def intersection(xs, ys):\n    return []  # alice's secret\n"
    theirs = _post(client, {"kata_id": "intersection", "source": secret}).json()["id"]
    client.post("/logout", headers={"X-CSRF-Token": _token(client)})
    login(client, "bob")
    stolen = client.get(f"/api/submissions/{theirs}")
    missing = client.get(f"/api/submissions/{theirs + 1000}")
    assert stolen.status_code == missing.status_code == 404
    assert stolen.json() == missing.json()
    assert client.get(f"/api/submissions/{theirs}?wait=1").status_code == 404
    assert client.get("/api/submissions").json() == []
    assert client.get("/api/submissions?kata_id=intersection").json() == []


def test_limits_and_mistakes_get_readable_errors(logged_in: TestClient) -> None:
    token = _token(logged_in)
    too_big = _post(
        logged_in, {"kata_id": "intersection", "source": "#" * (MAX_SOURCE_BYTES + 1)}, token
    )
    assert too_big.status_code == 413
    assert "the limit is 64 KiB" in too_big.json()["detail"]
    unknown = _post(logged_in, {"kata_id": "no_such_kata", "source": RIGHT}, token)
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"detail": "There is no kata with that id."},
    )
    answer = _post(logged_in, {"kata_id": "intersection", "source": RIGHT, "kind": "answer"}, token)
    assert answer.status_code == 400
    assert "kind" in answer.json()["detail"]
    assert logged_in.get("/api/submissions/1?wait=31").status_code == 400

    ids = [
        _post(logged_in, {"kata_id": "intersection", "source": RIGHT, "kind": "run"}, token)
        for _ in range(10)
    ]
    assert {response.status_code for response in ids} == {202}
    refused = _post(logged_in, {"kata_id": "intersection", "source": RIGHT}, token)
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("That is 10 runs and submissions in the last minute")
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_the_openapi_schema_documents_the_api_and_only_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert all(path.startswith("/api/") for path in schema["paths"])
    assert set(schema["paths"]) >= {
        "/api/katas",
        "/api/katas/{kata_id}",
        "/api/session",
        "/api/submissions",
        "/api/submissions/{submission_id}",
        "/api/mocks",
        "/api/attempts/{attempt_id}",
        "/api/attempts/{attempt_id}/items/{item_id}",
        "/api/attempts/{attempt_id}/items/{item_id}/flag",
        "/api/attempts/{attempt_id}/submit",
        "/api/attempts/{attempt_id}/abandon",
        "/api/attempts/{attempt_id}/scorecard",
    }
    assert "/login" not in schema["paths"] and "/katas/{kata_id}" not in schema["paths"]
    create = schema["paths"]["/api/submissions"]["post"]
    assert set(create["responses"]) >= {"202", "401", "403", "404", "413", "429"}
    created = create["responses"]["202"]["content"]["application/json"]["schema"]
    assert created == {"$ref": "#/components/schemas/SubmissionCreated"}
    read = schema["paths"]["/api/submissions/{submission_id}"]["get"]
    assert read["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SubmissionOut"
    }
    wait = next(param for param in read["parameters"] if param["name"] == "wait")
    assert wait["schema"]["maximum"] == 30
    models = schema["components"]["schemas"]
    assert set(models["SubmissionIn"]["properties"]) == {"kata_id", "source", "kind"}
    assert models["SubmissionIn"]["properties"]["kind"]["enum"] == ["run", "submit"]
    verdict = models["SubmissionSummary"]["properties"]["verdict"]["description"]
    assert "passed, failed, error, timeout, memory, rejected" in verdict
    assert "X-CSRF-Token" in models["SessionInfo"]["properties"]["csrf_token"]["description"]
