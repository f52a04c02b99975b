"""Things tests build and check: users, logged-in clients, parsed pages.

    make_user(engine, username="alice", password=PASSWORD, role=Role.candidate) -> User
    make_submission(engine, user, **fields) -> Submission   a row as an earlier request left it
    RecordingQueue()   a grading queue that only records the ids it is given
    wait_until_graded(client, submission_id) -> dict   the API's JSON for it once graded
    login(client, username="alice", password=PASSWORD) -> Response (the redirect after login)
    register(client, username, password=PASSWORD) -> Response   the registration form posted
    assert_login_required(client, *paths)  each path sends an anonymous browser to log in
    csrf_token(client, path="/questions") -> str   the token a page hands the browser
    post_form(client, path, data) -> Response      a POST with that token, as a browser sends it
    page(response) -> HTMLParser                   query with CSS selectors: .css(), .css_first()
    one(html, selector) -> Node                    the first match, failing the test if none
    text(html, selector) -> str                    the first match's text
    write_question(folder, id, prompt, answer, ...) -> Path   one question file
    write_sample_bank(folder)    replace the question files with SAMPLE_BANK, a small known bank
    free_port() -> int           a loopback port for a `katabank serve` subprocess
    stop(process, timeout=...)   terminate a subprocess, killing it if it lingers
"""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from httpx2 import Response
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode
from sqlalchemy import Engine
from sqlmodel import Session

from server import accounts
from server.bank.files import render_question
from server.models import Role, Submission, User
from server.submissions import Kind

__all__ = [
    "KEEPS_DUPLICATES",
    "PASSWORD",
    "RIGHT",
    "SAMPLE_BANK",
    "RecordingQueue",
    "assert_login_required",
    "csrf_token",
    "free_port",
    "login",
    "make_submission",
    "make_user",
    "one",
    "page",
    "post_form",
    "register",
    "stop",
    "text",
    "wait_until_graded",
    "write_question",
    "write_sample_bank",
]

PASSWORD = "correct horse battery"
# Two answers to the intersection kata: a right one, and one that keeps repeated values.
RIGHT = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
KEEPS_DUPLICATES = "def intersection(xs, ys):\n    return [x for x in xs if x in ys]\n"
# Katas whose references the API and browser tests submit end to end: one per kind of answer
# and argument that crosses the sandbox (list, float, Fraction, numpy array, tuple or None, a
# tuple of arrays, a None argument with a boolean mask, many seeded calls). Grading all 40
# would make those tests five times slower without reaching anything new; `katabank katas
# check` grades every kata's reference.
REPRESENTATIVE_KATAS = (
    "intersection",
    "euclidean_distance",
    "p_consecutive",
    "softmax",
    "two_sum",
    "kmeans",
    "attention",
    "reservoir_sample",
)


class RecordingQueue:
    """Remembers what it is given and runs nothing: the test runs jobs when it chooses."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.similarity_ids: list[int] = []
        self.version_ids: list[int] = []

    def enqueue(self, submission_id: int) -> None:
        self.ids.append(submission_id)

    def enqueue_similarity(self, attempt_id: int) -> None:
        self.similarity_ids.append(attempt_id)

    def check_kata(self, version_id: int) -> None:
        self.version_ids.append(version_id)

    def resume(self, submission_ids: Sequence[int]) -> int:
        self.ids.extend(submission_ids)
        return len(submission_ids)

    def resume_checks(self, version_ids: Sequence[int]) -> int:
        self.version_ids.extend(version_ids)
        return len(version_ids)

    def workers_alive(self) -> int:
        return 0

    def close(self) -> None:
        pass


def make_user(
    engine: Engine,
    username: str = "alice",
    *,
    password: str = PASSWORD,
    role: Role = Role.candidate,
) -> User:
    with Session(engine, expire_on_commit=False) as session:
        return accounts.create_user(
            session=session, username=username, password=password, role=role
        )


def make_submission(engine: Engine, user: User, **fields: Any) -> Submission:
    """A submission row put straight into the database, as an earlier request would have left it."""
    values: dict[str, Any] = {"kata_id": "intersection", "kind": Kind.submit, "source": RIGHT}
    assert user.id is not None
    with Session(engine, expire_on_commit=False) as session:
        row = Submission(user_id=user.id, **{**values, **fields})
        session.add(row)
        session.commit()
        session.refresh(row)
        return row


def wait_until_graded(
    client: httpx.Client | TestClient, submission_id: int, *, polls: int = 6
) -> dict[str, Any]:
    """The submission once graded, long-polling the API (the first grading starts sandboxes)."""
    for _ in range(polls):
        body: dict[str, Any] = client.get(f"/api/submissions/{submission_id}?wait=30").json()
        if body["status"] == "done":
            return body
    raise AssertionError(f"submission {submission_id} was not graded: {body}")


def page(response: Response) -> HTMLParser:
    assert response.headers["content-type"].startswith("text/html"), response.headers
    return HTMLParser(response.text)


def one(root: HTMLParser | LexborNode, selector: str) -> LexborNode:
    node = root.css_first(selector)
    assert node is not None, f"nothing matches {selector!r}"
    return node


def text(root: HTMLParser | LexborNode, selector: str) -> str:
    return one(root, selector).text()


def csrf_token(client: TestClient, path: str = "/questions") -> str:
    """The CSRF token the page at `path` gives the browser (anonymous, or the login's)."""
    body = one(page(client.get(path)), "body")
    token: str = json.loads(body.attributes["hx-headers"] or "{}")["X-CSRF-Token"]
    assert token
    return token


def post_form(
    client: TestClient, path: str, data: dict[str, Any], *, token_from: str = "/questions"
) -> Response:
    """POST a form the way a browser does: with the token of a page it just loaded."""
    token = csrf_token(client, token_from)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def login(client: TestClient, username: str = "alice", password: str = PASSWORD) -> Response:
    response = post_form(
        client, "/login", {"username": username, "password": password}, token_from="/login"
    )
    assert response.status_code == 303, response.text
    return response


def register(client: TestClient, username: str, password: str = PASSWORD) -> Response:
    """Post the registration form; a redirect (303) when the account was created."""
    return post_form(
        client, "/register", {"username": username, "password": password}, token_from="/register"
    )


def assert_login_required(client: TestClient, *paths: str) -> None:
    """Each of `paths` sends an anonymous browser to the login page, to come back afterwards."""
    for path in paths:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"/login?next={path}"


def write_question(
    folder: Path,
    question_id: str,
    prompt: str,
    answer: str,
    *,
    topics: tuple[str, ...] = ("testing",),
    difficulty: str = "medium",
    source: str = "notes/test.txt:1",
    key_points: tuple[str, ...] = (),
) -> Path:
    path = folder / f"{question_id}.md"
    path.write_text(
        render_question(
            id=question_id,
            prompt=prompt,
            answer=answer,
            topics=topics,
            difficulty=difficulty,
            source=source,
            key_points=key_points,
        ),
        encoding="utf-8",
    )
    return path


# A small bank with known content, for tests that must not depend on the real one.
SAMPLE_BANK: dict[str, dict[str, Any]] = {
    "lstm": {
        "prompt": "What does LSTM stand for?",
        "answer": "Long Short-Term Memory.",
        "topics": ("deep-learning", "rnn"),
        "difficulty": "easy",
        "key_points": ("Long Short-Term Memory",),
    },
    "transformer-drawbacks": {
        "prompt": "What are some drawbacks of the Transformer?",
        "answer": (
            "- Self-attention costs $O(T^2 d)$ for sequence length $T$.\n"
            "- It needs far more data than a CNN.\n\n"
            "$$\n\\mathrm{softmax}(QK^T / \\sqrt{d})V\n$$"
        ),
        "topics": ("deep-learning", "transformers"),
        "difficulty": "medium",
        "key_points": ("runtime quadratic in sequence length", "needs more data"),
        "source": "notes/003.txt:267",
    },
    "attention-mean": {
        "prompt": "Explain mean/average in terms of attention.",
        "answer": "Averaging is uniform attention: every weight is $1/n$.",
        "topics": ("deep-learning", "attention"),
        "difficulty": "easy",
    },
    "transfer-learning": {
        "prompt": "What is transfer learning?",
        "answer": "Reusing a pretrained network, e.g. fine-tuning it; its attention layers too.",
        "topics": ("deep-learning",),
        "difficulty": "medium",
    },
    "sql-order": {
        "prompt": "In what order does SQL evaluate the clauses of a query?",
        "answer": "FROM, WHERE, GROUP BY, HAVING, SELECT, ORDER BY, LIMIT.",
        "topics": ("sql",),
        "difficulty": "hard",
    },
}


def write_sample_bank(folder: Path) -> None:
    """Replace every question file in `folder` with the questions of SAMPLE_BANK."""
    for path in folder.glob("*.md"):
        if path.name != "README.md":
            path.unlink()
    for question_id, fields in SAMPLE_BANK.items():
        write_question(folder, question_id, **fields)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def stop(process: subprocess.Popen[bytes], *, timeout: float) -> None:
    """Terminate `process` if it still runs; kill it if it has not exited after `timeout` s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
