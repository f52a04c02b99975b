"""The handle e2e tests get on the running `katabank serve` (see conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlmodel import Session

from server import accounts, db
from server.models import Role, User
from tests.factories import PASSWORD


@dataclass
class LiveServer:
    url: str
    database_url: str
    questions_dir: Path
    log_path: Path

    def create_user(
        self, username: str, password: str = PASSWORD, role: Role = Role.candidate
    ) -> User:
        """Create an account straight in the server's database (SQLite copes with both)."""
        engine = db.make_engine(self.database_url)
        try:
            with Session(engine, expire_on_commit=False) as session:
                return accounts.create_user(
                    session=session, username=username, password=password, role=role
                )
        finally:
            engine.dispose()

    def register(self, page: Page, username: str, password: str = PASSWORD) -> None:
        """Register through the form in `page`; the browser ends up logged in."""
        self._submit(page, "/register", "Create account", username, password)

    def log_in(self, page: Page, username: str, password: str = PASSWORD) -> None:
        """Log in through the form in `page` (the account must exist)."""
        self._submit(page, "/login", "Log in", username, password)

    def _submit(self, page: Page, path: str, button: str, username: str, password: str) -> None:
        page.goto(self.url + path)
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name=button).click()
        expect(page.locator(".nav-user")).to_have_text(username.lower())


def set_code(page: Page, code: str, field: str = "source") -> None:
    """Put `code` in the CodeMirror editor of the textarea `#field`, as typing would: the
    textarea follows and gets an "input" event (autosave and Run read it)."""
    page.evaluate(
        "([field, code]) => KatabankEditor.get(document.getElementById(field))"
        ".setValue(code, {notify: true})",
        [field, code],
    )

