"""End-to-end fixtures: the real server (`katabank serve`) and Debian's Chromium through Playwright.

    live_server   a `katabank serve` subprocess on a free port, with its own SQLite file and
                  copy of questions/ (one per test module: use distinct usernames per test);
                  `.url`, `.create_user(username, password=PASSWORD, role=Role.candidate)`
                  (straight into its database), `.register(page, username)` and
                  `.log_in(page, username)` (through the forms, as a person would)
    browser       headless Chromium at /usr/bin/chromium (one per session)
    page          a fresh browser context and page per test; console errors (a CSP violation,
                  a script error) fail the test unless it empties `console_errors` itself
    console_errors  the page's console errors so far
    screenshot    screenshot(page, "name") -> Path under test-results/screenshots/

Every test here is marked `browser`. Chromium missing is a failure, not a skip:
`scripts/system-deps test` installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from server.config import PROJECT_ROOT
from tests.e2e.live import LiveServer
from tests.factories import free_port, stop

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "test-results" / "screenshots"
_HERE = Path(__file__).resolve().parent
_STATUS_REPORT = "Failed to load resource: the server responded with a status of"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"katabank serve exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url + "/questions", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"katabank serve did not answer within 60 s:\n{log_path.read_text()}")


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("live")
    questions = root / "questions"
    questions.mkdir()
    for path in (PROJECT_ROOT / "questions").glob("*.md"):
        shutil.copy2(path, questions / path.name)
    port = free_port()
    database_url = f"sqlite:///{root / 'katabank.db'}"
    env = {
        **os.environ,
        "KATABANK_DATABASE_URL": database_url,
        "KATABANK_QUESTIONS_DIR": str(questions),
        "KATABANK_KATAS_DIR": str(PROJECT_ROOT / "katas"),
        "PORT": str(port),
    }
    katabank = Path(sys.executable).parent / "katabank"
    log_path = root / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(katabank), "serve", "--host", "127.0.0.1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", database_url, questions, log_path)
    try:
        _wait_until_up(server.url, process, log_path)
        yield server
    finally:
        stop(process, timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `scripts/system-deps test` to install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


# Assertions wait as long as actions do: CI runs the sandboxes and two test processes beside
# the browser, and Playwright's 5 s default for `expect` is the first thing a slow moment breaks.
expect.set_options(timeout=10_000)


@pytest.fixture
def console_errors() -> list[str]:
    return []


@pytest.fixture
def page(browser: Browser, console_errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()

    def record(message: ConsoleMessage) -> None:
        # An error page's status is reported too; that is expected, not a page fault.
        if message.type == "error" and not message.text.startswith(_STATUS_REPORT):
            console_errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    try:
        yield page
        assert console_errors == [], f"errors in the browser console: {console_errors}"
    finally:
        context.close()


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    def take(page: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
