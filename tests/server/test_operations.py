"""What operators rely on: /healthz, /readyz, /metrics behind its token, request ids, JSON logs."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from server.logs import REQUEST_ID, JsonFormatter, request_id_from


def test_healthz_answers_without_a_database_query(client: TestClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_checks_the_database_the_queue_and_the_sandbox(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "queue": "ok", "sandbox": "ok"},
    }


def test_readyz_says_not_ready_when_the_database_is_gone(client: TestClient, app: FastAPI) -> None:
    app.state.engine.dispose()
    app.state.engine.pool._creator = _refuse  # the database server went away
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable"


def _refuse() -> None:
    raise ConnectionRefusedError("database down")


def test_metrics_are_off_unless_a_token_is_set(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 404


@pytest.fixture
def metrics_client(settings: Settings) -> TestClient:
    settings.metrics_token = "s3cret-token"
    return TestClient(create_app(settings))


def test_metrics_need_the_token_and_count_requests_by_route(metrics_client: TestClient) -> None:
    with metrics_client as client:
        assert client.get("/metrics").status_code == 401
        wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        client.get("/healthz")
        client.get("/katas/no-such-kata", follow_redirects=False)  # to log in first
        response = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'katabank_requests_total{method="GET",route="/healthz",status="200"}' in text
    assert 'katabank_requests_total{method="GET",route="/katas/{kata_id}",status="303"}' in text
    assert 'katabank_request_seconds_bucket{le="0.005",route="/healthz"}' in text
    assert 'katabank_queue_submissions{state="queued"} 0.0' in text
    assert "katabank_workers_alive 2.0" in text  # the embedded queue's threads
    assert "katabank_grading_seconds_count" in text


def test_every_response_carries_a_request_id_and_a_plain_one_is_kept(client: TestClient) -> None:
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 16 and made != client.get("/healthz").headers["X-Request-ID"]
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-1234.abc"})
    assert kept.headers["X-Request-ID"] == "lb-1234.abc"
    forged = client.get("/healthz", headers={"X-Request-ID": 'x" \n{"level": "fake"}'})
    assert forged.headers["X-Request-ID"] != 'x" \n{"level": "fake"}'


def test_requests_are_logged_with_route_status_and_time(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="katabank.access"):
        client.get("/katas/no-such-kata", follow_redirects=False)
    [record] = [r for r in caplog.records if r.name == "katabank.access"]
    assert (record.route, record.status, record.method) == ("/katas/{kata_id}", 303, "GET")  # type: ignore[attr-defined]
    assert record.ms >= 0  # type: ignore[attr-defined]


def test_a_log_line_is_one_json_object_with_the_request_id_and_extras() -> None:
    record = logging.LogRecord(
        "server.submissions", logging.INFO, "f.py", 1, "graded %s", (7,), None
    )
    record.submission = 7
    record.worker = "host:12"
    token = REQUEST_ID.set(request_id_from("req-1"))
    try:
        line = json.loads(JsonFormatter().format(record))
    finally:
        REQUEST_ID.reset(token)
    assert line["message"] == "graded 7"
    assert (line["level"], line["logger"], line["request_id"]) == (
        "info",
        "server.submissions",
        "req-1",
    )
    assert (line["submission"], line["worker"]) == (7, "host:12")
    assert line["time"].endswith("+00:00")
