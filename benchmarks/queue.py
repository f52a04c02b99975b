"""Grading through the whole stack: HTTP API -> queue -> sandbox -> verdict, three ways in one run.

The baseline is the embedded queue (SQLite, threads in the web process, KATABANK_GRADING_WORKERS
of them); next to it the job queue on Postgres with 1, then 2, `katabank worker` processes, each
grading --concurrency submissions at once. Each way gets a fresh database and a burst of
--submissions submits (half right, half wrong) from --users users through POST
/api/submissions; times come from the database (created_at -> finished_at), so polling does
not blur them. Prints gradings per second over the burst and submit-to-verdict p50/p95.

    .venv/bin/python -m benchmarks.queue [--submissions 40] [--users 4] [--concurrency 2]
        [--postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and there "queue" is this file,
# not the standard library module that psycopg imports: take the folder off first.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime

import httpx
from selectolax.lexbor import LexborHTMLParser
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from server import accounts, db
from server.models import Submission

ROOT = Path(__file__).resolve().parent.parent
KATABANK = Path(sys.executable).parent / "katabank"
PASSWORD = "benchmark password 1"
RIGHT = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
WRONG = "def intersection(xs, ys):\n    return [x for x in xs if x in ys]\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40, help="submits in each burst")
    parser.add_argument("--users", type=int, default=4, help="users submitting")
    parser.add_argument("--concurrency", type=int, default=2, help="gradings at once per grader")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("KATABANK_TEST_POSTGRES_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test",
        help="a Postgres the benchmark may create databases on",
    )
    args = parser.parse_args()
    print(
        f"{args.submissions} submits from {args.users} users; each grader grades "
        f"{args.concurrency} at once; {os.cpu_count()} CPUs"
    )
    print(f"{'':34} {'gradings/s':>10} {'p50 (s)':>8} {'p95 (s)':>8}")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'katabank.db'}"
        _report("embedded queue (baseline, SQLite)", _burst(args, url, workers=0))
    for workers in (1, 2):
        with _postgres_database(args.postgres_url) as url:
            label = f"job queue, {workers} worker process{'es' if workers > 1 else ''}"
            _report(label, _burst(args, url, workers=workers))


def _report(label: str, times: tuple[float, list[float]]) -> None:
    rate, latencies = times
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(f"{label:34} {rate:>10.2f} {statistics.median(latencies):>8.2f} {p95:>8.2f}")


def _burst(args: argparse.Namespace, url: str, *, workers: int) -> tuple[float, list[float]]:
    env = {
        **os.environ,
        "KATABANK_DATABASE_URL": url,
        "KATABANK_GRADING_WORKERS": str(args.concurrency),
        "KATABANK_SUBMISSIONS_PER_MINUTE": "10000",
    }
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        logs = Path(folder)
        port = _free_port()
        stack.enter_context(_process([str(KATABANK), "serve", "--port", str(port)], env, logs))
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base)
        for n in range(workers):
            command = [str(KATABANK), "worker", "--concurrency", str(args.concurrency)]
            stack.enter_context(_process(command, env, logs, f"worker{n}"))
        names = [f"bench{n}" for n in range(args.users)]
        _create_users(url, names)
        clients = [stack.enter_context(_login(base, name)) for name in names]
        # One grading first, untimed: every grader has started its sandboxes before the burst.
        _wait_for_verdicts(url, [_submit(clients[0], RIGHT)])
        ids = [
            _submit(clients[n % len(clients)], RIGHT if n % 2 == 0 else WRONG)
            for n in range(args.submissions)
        ]
        return _wait_for_verdicts(url, ids)


def _submit(client: httpx.Client, source: str) -> int:
    body = {"kata_id": "intersection", "source": source, "kind": "submit"}
    response = client.post("/api/submissions", json=body)
    response.raise_for_status()
    return int(response.json()["id"])


def _wait_for_verdicts(url: str, ids: list[int]) -> tuple[float, list[float]]:
    """Gradings per second over the burst and each submission's submit-to-verdict seconds."""
    engine = db.make_engine(url)
    query = select(Submission.created_at, Submission.finished_at).where(
        col(Submission.id).in_(ids), Submission.status == "done"
    )
    deadline = time.monotonic() + 600
    try:
        while True:
            with Session(engine) as session:
                done = session.exec(query).all()
            if len(done) == len(ids):
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"only {len(done)} of {len(ids)} graded in 10 minutes")
            time.sleep(0.2)
    finally:
        engine.dispose()
    stamps = [(_utc(created), _utc(finished)) for created, finished in done]
    latencies = [finished - created for created, finished in stamps]
    span = max(f for _, f in stamps) - min(c for c, _ in stamps)
    return len(ids) / span, latencies


def _utc(value: object) -> float:
    # SQLite gives naive UTC datetimes back, Postgres aware ones: both are UTC.
    assert isinstance(value, datetime)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()


@contextmanager
def _process(
    command: list[str], env: dict[str, str], logs: Path, name: str = "serve"
) -> Iterator[subprocess.Popen[bytes]]:
    with (logs / f"{name}.log").open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.returncode not in (0, -15):
            sys.stderr.write((logs / f"{name}.log").read_text()[-3000:])


@contextmanager
def _postgres_database(admin_url: str) -> Iterator[str]:
    name = f"katabank_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = db.make_engine(url)
    db.upgrade(engine)  # before the worker starts: it refuses a database not at head
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _create_users(url: str, names: list[str]) -> None:
    engine = db.make_engine(url)
    with Session(engine) as session:
        for name in names:
            accounts.create_user(session=session, username=name, password=PASSWORD)
    engine.dispose()


@contextmanager
def _login(base: str, username: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as client:
        field = LexborHTMLParser(client.get("/login").text).css_first("input[name=csrf_token]")
        token = field.attributes["value"] if field is not None else ""
        form = {"csrf_token": token, "username": username, "password": PASSWORD}
        if client.post("/login", data=form).status_code != 303:
            raise SystemExit(f"could not log in as {username}")
        client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
        yield client


def _wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("katabank serve did not answer within 60 s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    if shutil.which("bwrap") is None:
        raise SystemExit("benchmarks/queue.py needs bubblewrap (scripts/system-deps run)")
    main()
