"""`katabank serve --workers 2` as deployed: every line it writes is one JSON object, and each
request's line carries its request id, route, status and time (server/logs.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from tests.server.serving import serve


def test_two_web_processes_log_json_lines_with_each_request_id(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    database_url = f"sqlite:///{tmp_path / 'katabank.db'}"
    sent = [f"logs-test-{n}" for n in range(20)]
    with (
        serve(tmp_path, database_url, "server", workers=2) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        for request_id in sent:
            answer = client.get("/healthz", headers={"X-Request-ID": request_id})
            assert answer.headers["X-Request-ID"] == request_id
        missing = client.get("/katas/no-such-kata", headers={"X-Request-ID": "logs-test-404"})
        assert missing.status_code in (303, 404)
        # The server answers once one process is up; the other may still be starting.
        deadline = time.monotonic() + 180  # each warms up the sandbox: slow on a busy machine
        while server.log.read_text().count("Started server process") < 2:
            assert time.monotonic() < deadline, server.log.read_text()
            time.sleep(0.1)
    lines = [line for line in server.log.read_text().splitlines() if line.strip()]
    records = []
    for line in lines:
        record = json.loads(line)  # a line that is not JSON fails here, naming itself
        assert isinstance(record, dict), line
        assert {"time", "level", "logger", "message"} <= record.keys(), line
        records.append(record)

    access = {r["request_id"]: r for r in records if r["logger"] == "katabank.access"}
    for request_id in sent:
        logged = access[request_id]
        assert (logged["method"], logged["route"], logged["status"]) == ("GET", "/healthz", 200)
        assert logged["ms"] >= 0 and logged["time"].endswith("+00:00")
    assert access["logs-test-404"]["route"] == "/katas/{kata_id}"
    # Both web processes started, each saying so in a JSON line of its own.
    started = [r for r in records if r["message"].startswith("Started server process")]
    assert len(started) == 2, [r["message"] for r in records]
    assert not [r for r in records if r["level"] in ("error", "critical")]
