"""Password hashing cannot exhaust the server: login and registration windows (per username and
client, per client, overall), attempts counted before the slow check even when they arrive in
parallel, a bounded number of hashes at once, and hashes upgraded when argon2's parameters move."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server import accounts, db, ratelimit
from server.app import create_app
from server.config import Settings
from server.models import User, utcnow
from server.ratelimit import RateEvent, RateLimited, Window
from tests.factories import PASSWORD, login, make_user, page, post_form, register, text
from tests.server.serving import form_token, serve


def _guess(client: TestClient, username: str, password: str = "wrong password") -> int:
    form = {"username": username, "password": password}
    return post_form(client, "/login", form, token_from="/login").status_code


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_guesses_on_a_real_server_never_exceed_the_limit(
    tmp_path: Path, workers: int
) -> None:
    (tmp_path / "questions").mkdir()
    database_url = f"sqlite:///{tmp_path / 'katabank.db'}"
    guesses = 24
    # Enough hashing slots for every guess, so only the rate limit can refuse one.
    settings = {"login_max_failures": 5, "password_hashes_at_once": guesses}
    with serve(tmp_path, database_url, "server", workers, **settings) as server:
        engine = db.make_engine(database_url)
        make_user(engine, "victim")
        engine.dispose()
        clients = [httpx.Client(base_url=server.url, timeout=60) for _ in range(guesses)]
        tokens = [form_token(client) for client in clients]
        start = threading.Barrier(guesses)
        statuses: list[int] = []

        def guess(client: httpx.Client, token: str) -> None:
            form = {"csrf_token": token, "username": "victim", "password": "not it at all"}
            start.wait(timeout=60)
            statuses.append(client.post("/login", data=form).status_code)

        threads = [
            threading.Thread(target=guess, args=pair) for pair in zip(clients, tokens, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        counted = Counter(statuses)
        assert sum(counted.values()) == guesses
        # 400 means the password was checked (and was wrong); the rest were refused unchecked.
        checked = counted[400]
        assert checked <= 5
        assert checked + counted[429] == guesses
        # Fewer than five may have been checked: guesses that all counted each other's events
        # were all refused (and forgotten). Whatever the burst left, five checks in all are
        # allowed, then nothing is checked, not even the right password.
        wrong = {"csrf_token": tokens[0], "username": "victim", "password": "not it at all"}
        for _ in range(5 - checked):
            assert clients[0].post("/login", data=wrong).status_code == 400
        assert clients[0].post("/login", data=wrong).status_code == 429
        form = {"csrf_token": tokens[0], "username": "victim", "password": PASSWORD}
        assert clients[0].post("/login", data=form).status_code == 429
        for client in clients:
            client.close()


def test_one_address_trying_many_usernames_is_stopped(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"login_max_per_client": 3}))
    with TestClient(app) as client:
        make_user(app.state.engine, "alice")
        assert [_guess(client, name) for name in ("alice", "bob", "carol")] == [400, 400, 400]
        response = post_form(
            client, "/login", {"username": "alice", "password": PASSWORD}, token_from="/login"
        )
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) > 14 * 60


def test_logins_from_everyone_together_are_capped(engine: Engine, user: User) -> None:
    policy = accounts.LoginPolicy(per_minute=2)
    with Session(engine) as session:
        for client in ("1.1.1.1", "2.2.2.2"):
            with pytest.raises(accounts.LoginRefused):
                accounts.authenticate(
                    session=session, username="x", password="y" * 8, client=client, policy=policy
                )
        with pytest.raises(RateLimited) as refused:
            accounts.authenticate(
                session=session,
                username="alice",
                password=PASSWORD,
                client="3.3.3.3",
                policy=policy,
            )
        assert refused.value.scope == "login-all"


def test_registrations_per_address_are_capped(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"register_max_per_client": 2}))
    with TestClient(app) as client:
        assert register(client, "first").status_code == 303
        client.cookies.clear()
        assert register(client, "second").status_code == 303
        client.cookies.clear()
        response = register(client, "third")
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) > 59 * 60
        assert "Too many attempts" in text(page(response), ".form-error")
        with Session(app.state.engine) as session:
            names = {user.username for user in session.exec(select(User))}
        assert names == {"first", "second"}


def test_registrations_from_everyone_together_are_capped(engine: Engine) -> None:
    policy = accounts.RegistrationPolicy(per_hour=1)
    with Session(engine) as session:
        accounts.register(
            session=session, username="one", password=PASSWORD, client="1.1.1.1", policy=policy
        )
        with pytest.raises(RateLimited):
            accounts.register(
                session=session,
                username="two",
                password=PASSWORD,
                client="2.2.2.2",
                policy=policy,
            )


def test_no_free_hashing_slot_means_503_with_retry_after(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app) as client:
        make_user(app.state.engine, "alice")
        app.state.hash_gate = accounts.HashGate(1, wait=0.2)
        with app.state.hash_gate.slot():  # another request is hashing
            response = post_form(
                client, "/login", {"username": "alice", "password": PASSWORD}, token_from="/login"
            )
            assert response.status_code == 503
            assert response.headers["retry-after"] == "1"
            assert "busy" in text(page(response), ".form-error")
            assert register(client, "newcomer").status_code == 503
        login(client, "alice")


def test_the_gate_lets_only_its_slots_through_at_once() -> None:
    gate = accounts.HashGate(2, wait=0.05)
    inside = 0
    most = 0
    lock = threading.Lock()
    refused = 0

    def work() -> None:
        nonlocal inside, most, refused
        try:
            with gate.slot():
                with lock:
                    inside += 1
                    most = max(most, inside)
                threading.Event().wait(0.2)
                with lock:
                    inside -= 1
        except accounts.Busy:
            with lock:
                refused += 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert most == 2 and refused == 4


def test_a_refused_attempt_does_not_keep_the_window_full(engine: Engine) -> None:
    window = Window(1, timedelta(minutes=1))
    with Session(engine) as session:
        start = utcnow()
        ratelimit.take(session=session, scopes=[("test", "k", window)], now=start)
        for seconds in (10, 30, 50):
            with pytest.raises(RateLimited) as refused:
                ratelimit.take(
                    session=session,
                    scopes=[("test", "k", window)],
                    now=start + timedelta(seconds=seconds),
                )
            assert refused.value.seconds == 60 - seconds
        ratelimit.take(
            session=session, scopes=[("test", "k", window)], now=start + timedelta(seconds=61)
        )
        assert len(session.exec(select(RateEvent)).all()) == 1


def test_an_old_argon2_hash_is_upgraded_at_login(engine: Engine, user: User) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with Session(engine) as session:
        stored = session.get(User, user.id)
        assert stored is not None
        stored.password_hash = weak.hash(PASSWORD)
        session.add(stored)
        session.commit()
        old = stored.password_hash
        accounts.authenticate(session=session, username="alice", password=PASSWORD, client="c")
        session.refresh(stored)
    assert stored.password_hash != old
    assert not PasswordHasher().check_needs_rehash(stored.password_hash)
    assert accounts.verify_password(stored.password_hash, PASSWORD)
