"""The handle e2e tests get on the running `katabank serve` (see conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factories import PASSWORD
from sqlmodel import Session

from server import accounts, db
from server.models import Role, User


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
