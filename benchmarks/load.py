"""Load: many logged-in users browsing, practising and submitting against `katabank serve`.

For each web-process count (the baseline, 1 process, measured in the same run, then ours),
the script starts `katabank serve --workers N` on a free loopback port with a fresh database
(a SQLite file, or with --database-url postgresql+psycopg://.../db a new database created on
that server and dropped afterwards, graded by one `katabank worker`), creates the users, and
runs two phases:

  think phase      --users users start staggered over --stagger seconds, each logs in through
                   the form, then loads a page, waits 1-5 s (uniform), loads another... for
                   --seconds; prints p50/p95/p99 per page and the errors (status >= 400, or
                   no answer), with a few runs and submits graded in the real sandbox;
  saturated phase  --saturate users load pages with no pause for --saturate-seconds (no
                   submits: the page rate is what is measured); prints pages per second, and
                   how busy the machine was: below 90% it says "not saturated" (raise
                   --saturate), since the rate is then not the server's ceiling.

The load generator runs in this process on the same machine, so it takes CPU from the server;
the machine's load average is printed before and after, since other work skews the numbers.
Wall times suffer from a busy machine; the CPU the web processes spend per page (read from
/proc, the grading sandboxes left out) does much less, so it is printed for each phase too,
with the load generator's own CPU per page beside it.
Users are logged in straight in the database: argon2 logins (slow by design, and limited)
are not what is measured.

    .venv/bin/python -m benchmarks.load [--users 100] [--seconds 60] [--workers 2]
        [--baseline-workers 1] [--saturate 32] [--saturate-seconds 20] [--database-url URL]
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
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
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
# A saturated phase must keep the machine this busy, or its page rate is not the ceiling.
SATURATED_BUSY = 0.9
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


def _katabank(root: Path, database_url: str, name: str, *arguments: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KATABANK_DATABASE_URL": database_url}
    katabank = Path(sys.executable).parent / "katabank"
    with (root / f"{name}.log").open("wb") as log:
        return subprocess.Popen(
            [str(katabank), *arguments], env=env, stdout=log, stderr=subprocess.STDOUT
        )


@contextmanager
def _running(
    root: Path, database_url: str, name: str, *arguments: str
) -> Iterator[subprocess.Popen[bytes]]:
    """A katabank process, stopped on the way out, however that comes (an error, Ctrl-C)."""
    process = _katabank(root, database_url, name, *arguments)
    try:
        yield process
    finally:
        _stop(process)


@contextmanager
def _serving(
    root: Path, database_url: str, workers: int
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`katabank serve` answering on a free port: (its process, its URL)."""
    port = _free_port()
    name = f"serve-{workers}"
    arguments = ("serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers))
    with _running(root, database_url, name, *arguments) as process:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while not _answers(url):
            if process.poll() is not None:
                raise SystemExit(f"katabank serve exited; see {root / name}.log")
            if time.monotonic() > deadline:
                raise SystemExit("katabank serve did not answer within 120 s")
            time.sleep(0.3)
        yield process, url


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + "/login", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def _database(given: str, root: Path, label: str) -> Iterator[str]:
    """A fresh database for one measurement: a SQLite file under `root`, or, when `given` is a
    Postgres URL, a new database on that server (dropped afterwards)."""
    if not given:
        yield f"sqlite:///{root / f'load-{label}.db'}"
        return
    url = make_url(given)
    if url.get_backend_name() != "postgresql":
        raise SystemExit("--database-url: a postgresql+psycopg:// URL (SQLite is the default)")
    name = f"katabank_load_{label}_{uuid.uuid4().hex[:8]}"
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with server.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        server.dispose()


_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[str, int, float] | None:
    """(command name, parent pid, CPU seconds used) of a process, None once it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name, fields = raw[raw.index("(") + 1 : raw.rindex(")")], raw[raw.rindex(")") + 2 :].split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _processes() -> Iterator[tuple[int, str, int, float]]:
    """(pid, command name, parent pid, CPU seconds used) of every process still running."""
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (found := _stat(int(entry.name))) is not None:
            yield (int(entry.name), *found)


def _web_cpu(pid: int) -> float:
    """CPU seconds used so far by the web server `pid` and its web worker processes; the
    grading sandboxes (bwrap and what runs in it) are not web work and are left out."""
    return sum(
        seconds
        for process, name, parent, seconds in _processes()
        if process == pid or (parent == pid and name != "bwrap")
    )


def _database_cpu() -> dict[int, float]:
    """CPU seconds used so far by each of the Postgres server's processes on this machine
    (none with SQLite, which runs inside the web processes)."""
    return {
        pid: seconds
        for pid, name, _, seconds in _processes()
        if name in ("postgres", "postmaster")
    }


def _database_cpu_since(then: dict[int, float]) -> float:
    """CPU seconds the Postgres processes used since `then`. A backend that ended in between
    took its time with it (a sum over the processes would then go down, even below zero), so
    only the processes running now count: an undercount when connections close mid-phase."""
    return sum(seconds - then.get(pid, 0.0) for pid, seconds in _database_cpu().items())


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, summed over its cores."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    total = sum(fields[:8])  # guest time is counted in user time already
    return (total - idle) / _TICK, total / _TICK


@dataclass
class CpuMeter:
    """CPU per page over one phase: the web processes', this load generator's and the
    database server's, and how busy the whole machine was (a saturated phase that leaves
    cores idle was not saturated)."""

    pid: int
    web: float = 0.0
    generator: float = 0.0
    database: dict[int, float] = field(default_factory=dict)
    machine: tuple[float, float] = (0.0, 0.0)

    def start(self) -> None:
        self.web, self.generator = _web_cpu(self.pid), time.process_time()
        self.database, self.machine = _database_cpu(), _machine_busy()

    def line(self, pages: int, *, saturating: bool = False) -> tuple[float, str]:
        """The web processes' CPU ms per page since `start`, and a line saying it all (for a
        `saturating` phase, whether the machine was busy enough for it to count)."""
        pages = max(pages, 1)
        web = 1000 * (_web_cpu(self.pid) - self.web) / pages
        generator = 1000 * (time.process_time() - self.generator) / pages
        database = 1000 * _database_cpu_since(self.database) / pages
        busy, total = (now - then for now, then in zip(_machine_busy(), self.machine, strict=True))
        return web, (
            f"    CPU per page: web processes {web:.2f} ms, load generator {generator:.2f} ms, "
            f"database server {database:.2f} ms; machine busy {100 * busy / max(total, 1e-9):.0f}%"
            + (" (not saturated)" if saturating and busy < SATURATED_BUSY * total else "")
        )


def _create_users(database_url: str, names: list[str]) -> dict[str, tuple[str, str]]:
    """The users, each logged in once: name -> (session cookie, CSRF token)."""
    engine = db.make_engine(database_url)  # `katabank serve` has migrated it
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


@dataclass
class Result:
    think: tuple[float, float, float]  # p50, p95, p99 ms over all pages
    errors: int
    rate: float  # saturated pages per second
    cpu: tuple[float, float]  # web CPU ms per page: think phase, saturated phase


def _measure(
    args: argparse.Namespace, workers: int, root: Path, questions: list[str], katas: list[str]
) -> Result:
    with _database(args.database_url, root, str(workers)) as database_url, ExitStack() as running:
        names = [f"load{number:04}" for number in range(max(args.users, args.saturate))]
        # It migrates the new database; stopped (like the grader) whatever happens after.
        process, url = running.enter_context(_serving(root, database_url, workers))
        made = _create_users(database_url, names)
        # With Postgres the web processes only enqueue; one worker grades the few submits.
        if database_url.startswith("postgresql"):
            running.enter_context(_running(root, database_url, f"worker-{workers}", "worker"))
        return _phases(args, workers, process.pid, url, made, names, questions, katas)


def _phases(
    args: argparse.Namespace,
    workers: int,
    pid: int,
    url: str,
    made: dict[str, tuple[str, str]],
    names: list[str],
    questions: list[str],
    katas: list[str],
) -> Result:
    asyncio.run(_warm_up(url, made, names[:8], questions, katas))
    print(
        f"\n{workers} web process{'es' if workers > 1 else ''} (load average before: {_loadavg()})"
    )
    meter = CpuMeter(pid)
    meter.start()
    stats = asyncio.run(
        _think_phase(url, made, names[: args.users], questions, katas, args.seconds, args.stagger)
    )
    think_cpu, think_line = meter.line(stats.count())
    totals = _report(f"{args.users} users, 1-5 s between pages, {args.seconds:.0f} s:", stats)
    print(think_line)
    meter.start()
    saturated, rate = asyncio.run(
        _saturated_phase(url, made, names[: args.saturate], questions, katas, args.saturate_seconds)
    )
    saturated_cpu, saturated_line = meter.line(saturated.count(), saturating=True)
    _report(
        f"saturated: {args.saturate} users, no pause, {args.saturate_seconds:.0f} s:", saturated
    )
    print(saturated_line)
    print(f"    saturated page rate: {rate:.0f} pages/s (load average after: {_loadavg()})")
    errors = _page_errors(stats) + _page_errors(saturated)
    return Result(totals, errors, rate, (think_cpu, saturated_cpu))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60, help="Length of the think phase.")
    parser.add_argument("--stagger", type=float, default=10, help="Users start over this long.")
    parser.add_argument("--workers", type=int, default=2, help="Web processes, ours.")
    parser.add_argument(
        "--baseline-workers", type=int, default=1, help="Web processes, baseline; 0 skips it."
    )
    parser.add_argument(
        "--saturate",
        type=int,
        default=32,
        help="Users in the saturated phase: enough to keep every core busy (16 left a third of "
        "the machine idle on Postgres, each page waiting on its round trips).",
    )
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
    database = make_url(args.database_url).get_backend_name() if args.database_url else "sqlite"
    print(f"database: {database}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="katabank-load-") as folder:
        for workers in dict.fromkeys(w for w in (args.baseline_workers, args.workers) if w > 0):
            results[workers] = _measure(args, workers, Path(folder), questions, katas)
    print(
        f"\nsummary, {database} (think phase p50/p95/p99 ms over all pages, errors, saturated "
        "pages/s, web CPU ms per page in the think and saturated phases)"
    )
    for workers, result in results.items():
        tag = "baseline" if workers == args.baseline_workers else "ours"
        p50, p95, p99 = result.think
        print(
            f"  {tag:8} {workers} process{'es' if workers > 1 else '  '}: p50 {p50:5.1f}  "
            f"p95 {p95:5.1f}  p99 {p99:5.1f}  errors {result.errors:4}  "
            f"saturated {result.rate:5.0f} pages/s  CPU {result.cpu[0]:.2f}/{result.cpu[1]:.2f} ms"
        )
    print(
        f"  targets: p99 < 50 ms at 100 users, >= 200 pages/s saturated "
        f"(load average now {_loadavg()})"
    )


if __name__ == "__main__":
    main()
