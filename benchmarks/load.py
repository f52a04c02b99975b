"""Load: many logged-in users browsing, practising and submitting against `katabank serve`.

For each web-process count (the baseline, 1 process, measured in the same run, then ours),
the script starts `katabank serve --workers N` on a free loopback port with a fresh SQLite
database, creates the users, and runs two phases:

  think phase      --users users start staggered over --stagger seconds, each logs in through
                   the form, then loads a page, waits 1-5 s (uniform), loads another... for
                   --seconds; prints p50/p95/p99 per page and the errors (status >= 400, or
                   no answer), with a few runs and submits graded in the real sandbox;
  saturated phase  --saturate users load pages with no pause for --saturate-seconds (no
                   submits: the page rate is what is measured); prints pages per second.

The load generator runs in this process on the same machine, so it takes CPU from the server;
the machine's load average is printed before and after, since other work skews the numbers.
Users are logged in straight in the database: argon2 logins (slow by design, and limited)
are not what is measured.

    .venv/bin/python benchmarks/load.py [--users 100] [--seconds 60] [--workers 2]
        [--baseline-workers 1] [--saturate 16] [--saturate-seconds 20] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlmodel import Session

from server import accounts, db, logins
from server.catalog import load_catalog
from server.config import Settings
from server.middleware import SESSION_COOKIE
from server.models import User

PASSWORD = "load test password"
RIGHT = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
# The numbers issue 11 reported for the code before this work (SQLite, one process).
EARLIER = "before (issue 11, 1 process): p50 6.5 ms, p99 88 ms at 100 users; ~110 pages/s saturated"
ANSWER = "It keeps a memory cell and gates that decide what to forget, add and output."


@dataclass
class Stats:
    """Latencies (seconds) and errors, per page name; `kinds` counts errors by status
    ("timeout" and the like for no answer at all)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kinds: Counter[str] = field(default_factory=Counter)

    def count(self) -> int:
        return sum(len(values) for values in self.latencies.values())


class Browser:
    """One simulated browser: its own cookies and CSRF token."""

    def __init__(self, url: str, name: str, stats: Stats) -> None:
        self.client = httpx.AsyncClient(base_url=url, timeout=30, follow_redirects=False)
        self.name = name
        self.stats = stats
        self.csrf = ""

    async def timed(
        self, page: str, method: str, path: str, **kwargs: object
    ) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            try:
                response = await self.client.request(method, path, **kwargs)  # type: ignore[arg-type]
            except (httpx.ReadError, httpx.RemoteProtocolError):
                # The server closed an idle kept-alive connection just as this request went out
                # on it (uvicorn's keep-alive is 5 s, the pause up to 5 s); browsers send again
                # on a new connection, and so does this, counting it apart from errors.
                self.stats.kinds["resent after keep-alive close"] += 1
                response = await self.client.request(method, path, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            self.stats.errors[page] += 1
            self.stats.kinds[type(exc).__name__] += 1
            return None
        self.stats.latencies[page].append(time.perf_counter() - started)
        if response.status_code >= 400:
            self.stats.errors[page] += 1
            self.stats.kinds[f"{response.status_code} on {page}"] += 1
        return response

    def log_in(self, cookie: str, csrf: str) -> None:
        """Carry a login made straight in the database (argon2 logins are not what is measured)."""
        self.client.cookies.set(SESSION_COOKIE, cookie)
        self.csrf = csrf

    async def close(self) -> None:
        await self.client.aclose()


def _actions(
    questions: list[str], katas: list[str], submit: bool
) -> list[tuple[float, Callable[[Browser], Awaitable[object]]]]:
    """What a user does next, with weights: mostly reading, some practising, a few submits."""

    def get(page: str, path: Callable[[], str]) -> Callable[[Browser], Awaitable[object]]:
        return lambda user: user.timed(page, "GET", path())

    def rate(user: Browser) -> Awaitable[object]:
        form = {"question_id": random.choice(questions), "rating": str(random.randint(1, 4))}
        return user.timed(
            "POST /flashcards",
            "POST",
            "/flashcards",
            data=form,
            headers={"X-CSRF-Token": user.csrf},
        )

    def answer(user: Browser) -> Awaitable[object]:
        form = {"question_id": random.choice(questions), "answer": ANSWER}
        return user.timed(
            "POST /answer", "POST", "/answer", data=form, headers={"X-CSRF-Token": user.csrf}
        )

    def run(user: Browser) -> Awaitable[object]:
        body = {"kata_id": "intersection", "source": RIGHT, "kind": "run"}
        return user.timed(
            "POST /api/submissions",
            "POST",
            "/api/submissions",
            json=body,
            headers={"X-CSRF-Token": user.csrf},
        )

    actions: list[tuple[float, Callable[[Browser], Awaitable[object]]]] = [
        (10, get("GET /", lambda: "/")),
        (12, get("GET /questions", lambda: "/questions")),
        (
            6,
            get(
                "GET /questions?q=",
                lambda: "/questions?q=" + random.choice(("model", "loss", "data")),
            ),
        ),
        (14, get("GET /questions/{id}", lambda: f"/questions/{random.choice(questions)}")),
        (8, get("GET /katas", lambda: "/katas")),
        (10, get("GET /katas/{id}", lambda: f"/katas/{random.choice(katas)}")),
        (10, get("GET /flashcards", lambda: "/flashcards")),
        (8, rate),
        (6, get("GET /answer", lambda: "/answer")),
        (4, answer),
        (6, get("GET /progress", lambda: "/progress")),
    ]
    if submit:
        actions.append((2, run))
    return actions


async def _browse(
    user: Browser,
    actions: list[tuple[float, Callable[[Browser], Awaitable[object]]]],
    deadline: float,
    think: tuple[float, float],
) -> None:
    weights = [weight for weight, _ in actions]
    steps = 0
    while time.monotonic() < deadline and steps < 100_000:
        steps += 1
        _, action = random.choices(actions, weights)[0]
        await action(user)
        if think[1] > 0:
            await asyncio.sleep(min(random.uniform(*think), max(0.0, deadline - time.monotonic())))


async def _think_phase(
    url: str,
    sessions: dict[str, tuple[str, str]],
    names: list[str],
    questions: list[str],
    katas: list[str],
    seconds: float,
    stagger: float,
) -> Stats:
    stats = Stats()
    actions = _actions(questions, katas, submit=True)
    end = time.monotonic() + stagger + seconds

    async def one(index: int, name: str) -> None:
        await asyncio.sleep(stagger * index / len(names))
        user = Browser(url, name, stats)
        try:
            user.log_in(*sessions[name])
            await _browse(user, actions, end, (1.0, 5.0))
        finally:
            await user.close()

    await asyncio.wait_for(
        asyncio.gather(*(one(i, name) for i, name in enumerate(names))),
        timeout=stagger + seconds + 120,
    )
    return stats


async def _saturated_phase(
    url: str,
    sessions: dict[str, tuple[str, str]],
    names: list[str],
    questions: list[str],
    katas: list[str],
    seconds: float,
) -> tuple[Stats, float]:
    stats = Stats()
    users = [Browser(url, name, stats) for name in names]
    try:
        for user in users:
            user.log_in(*sessions[user.name])
        actions = _actions(questions, katas, submit=False)
        started = time.monotonic()
        await asyncio.wait_for(
            asyncio.gather(
                *(_browse(user, actions, started + seconds, (0.0, 0.0)) for user in users)
            ),
            timeout=seconds + 60,
        )
        elapsed = time.monotonic() - started
    finally:
        await asyncio.gather(*(user.close() for user in users))
    return stats, stats.count() / elapsed


async def _warm_up(
    url: str,
    sessions: dict[str, tuple[str, str]],
    names: list[str],
    questions: list[str],
    katas: list[str],
) -> None:
    """Every page a few times, not counted: each process's first requests fill its caches."""
    stats = Stats()
    users = [Browser(url, name, stats) for name in names]
    for user in users:
        user.log_in(*sessions[user.name])
    actions = _actions(questions, katas, submit=False)
    try:
        for _ in range(3):
            await asyncio.gather(*(action(user) for user in users for _, action in actions))
    finally:
        await asyncio.gather(*(user.close() for user in users))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(root: Path, database_url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "KATABANK_DATABASE_URL": database_url}
    katabank = Path(sys.executable).parent / "katabank"
    log = (root / f"serve-{workers}.log").open("wb")
    process = subprocess.Popen(
        [
            str(katabank),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"katabank serve exited; see {log.name}")
        try:
            if httpx.get(url + "/login", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("katabank serve did not answer within 120 s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _create_users(database_url: str, names: list[str]) -> dict[str, tuple[str, str]]:
    """The users, each logged in once: name -> (session cookie, CSRF token)."""
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    # One hash for all, and logins made here: argon2 (slow by design) is not what is measured.
    password_hash = accounts.hash_password(PASSWORD)
    made = {}
    with Session(engine, expire_on_commit=False) as session:
        for name in names:
            user = User(username=name, password_hash=password_hash)
            session.add(user)
            session.commit()
            cookie, login = logins.start_login(
                session=session, user=user, policy=logins.SessionPolicy()
            )
            made[name] = (cookie, login.csrf_token)
    engine.dispose()
    return made


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _report(label: str, stats: Stats) -> tuple[float, float, float]:
    print(f"  {label}")
    print(f"    {'page':26} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    everything: list[float] = []
    for page in sorted(stats.latencies):
        values = stats.latencies[page]
        everything.extend(values)
        print(
            f"    {page:26} {len(values):6} {_ms(values, 0.5):8.1f} {_ms(values, 0.95):8.1f} "
            f"{_ms(values, 0.99):8.1f} {stats.errors.get(page, 0):6}"
        )
    totals = (_ms(everything, 0.5), _ms(everything, 0.95), _ms(everything, 0.99))
    errors = _page_errors(stats)
    print(
        f"    {'all pages':26} {len(everything):6} {totals[0]:8.1f} {totals[1]:8.1f} "
        f"{totals[2]:8.1f} {errors:6}"
    )
    if stats.kinds:
        print(
            "    errors and resends: "
            + ", ".join(f"{n}x {kind}" for kind, n in stats.kinds.most_common())
        )
    return totals


def _page_errors(stats: Stats) -> int:
    return sum(stats.errors.values())


def _loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _measure(
    args: argparse.Namespace, workers: int, root: Path, questions: list[str], katas: list[str]
) -> tuple[tuple[float, float, float], int, float]:
    database_url = args.database_url or f"sqlite:///{root / f'load-{workers}.db'}"
    names = [f"load{number:04}" for number in range(max(args.users, args.saturate))]
    process, url = _start(root, database_url, workers)
    try:
        made = _create_users(database_url, names)
        asyncio.run(_warm_up(url, made, names[:8], questions, katas))
        print(
            f"\n{workers} web process{'es' if workers > 1 else ''} "
            f"(load average before: {_loadavg()})"
        )
        stats = asyncio.run(
            _think_phase(
                url, made, names[: args.users], questions, katas, args.seconds, args.stagger
            )
        )
        totals = _report(f"{args.users} users, 1-5 s between pages, {args.seconds:.0f} s:", stats)
        errors = _page_errors(stats)
        saturated, rate = asyncio.run(
            _saturated_phase(
                url, made, names[: args.saturate], questions, katas, args.saturate_seconds
            )
        )
        _report(
            f"saturated: {args.saturate} users, no pause, {args.saturate_seconds:.0f} s:", saturated
        )
        print(f"    saturated page rate: {rate:.0f} pages/s (load average after: {_loadavg()})")
        return totals, errors + _page_errors(saturated), rate
    finally:
        _stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60, help="Length of the think phase.")
    parser.add_argument("--stagger", type=float, default=10, help="Users start over this long.")
    parser.add_argument("--workers", type=int, default=2, help="Web processes, ours.")
    parser.add_argument(
        "--baseline-workers", type=int, default=1, help="Web processes, baseline; 0 skips it."
    )
    parser.add_argument("--saturate", type=int, default=16, help="Users in the saturated phase.")
    parser.add_argument("--saturate-seconds", type=float, default=20)
    parser.add_argument("--database-url", default="", help="Default: a fresh SQLite file per run.")
    args = parser.parse_args()
    if not (1 <= args.users <= 2000 and 0 < args.seconds <= 3600 and 1 <= args.saturate <= 500):
        parser.error("--users 1..2000, --seconds up to 3600, --saturate 1..500")

    catalog = load_catalog(Settings())
    questions, katas = sorted(catalog.questions), sorted(catalog.katas)
    print(
        f"Katabank load, {os.cpu_count()} cores, load average {_loadavg()}; "
        f"{len(questions)} questions, {len(katas)} katas"
    )
    print(EARLIER)
    results = {}
    with tempfile.TemporaryDirectory(prefix="katabank-load-") as folder:
        for workers in dict.fromkeys(w for w in (args.baseline_workers, args.workers) if w > 0):
            results[workers] = _measure(args, workers, Path(folder), questions, katas)
    print("\nsummary (think phase p50/p95/p99 ms over all pages, errors, saturated pages/s)")
    for workers, ((p50, p95, p99), errors, rate) in results.items():
        tag = "baseline" if workers == args.baseline_workers else "ours"
        print(
            f"  {tag:8} {workers} process{'es' if workers > 1 else '  '}: p50 {p50:5.1f}  "
            f"p95 {p95:5.1f}  p99 {p99:5.1f}  errors {errors:4}  saturated {rate:5.0f} pages/s"
        )
    print("  targets: p99 < 50 ms at 100 users, >= 200 pages/s saturated")


if __name__ == "__main__":
    main()
