"""The schema comes from Alembic migrations, and the migrations match models.py."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import server.authoring.models
import server.hiring.models  # noqa: F401  (hiring's tables)
from server import db
from server.apitokens import ApiToken  # noqa: F401  (each import registers a table)
from server.attempts.models import (  # noqa: F401  (the attempt engine's tables)
    AnswerSnapshot,
    Attempt,
    AttemptItem,
)
from server.models import (  # noqa: F401  (each import registers a table on SQLModel.metadata)
    Card,
    Draft,
    Kata,
    LoginSession,
    PracticeEvent,
    Question,
    Submission,
    User,
)
from server.ratelimit import RateEvent  # noqa: F401

TABLES = {
    "user",
    "loginsession",
    "rate_event",
    "api_token",
    "question",
    "kata",
    "card",
    "practiceevent",
    "submission",
    "draft",
    "attempt",
    "attemptitem",
    "answersnapshot",
    "questionset",
    "setversion",
    "assessment",
    "invitation",
    "itemfingerprint",
    "scoreoverride",
    "similarityflag",
    "auditentry",
    "managerquestion",
    "authoredkata",
    "kataversion",
}


def test_upgrade_head_on_an_empty_file_creates_every_table(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'sub' / 'fresh.db'}")
    db.upgrade(engine)
    names = set(inspect(engine).get_table_names())
    assert names == TABLES | {"alembic_version"}
    assert set(SQLModel.metadata.tables) == TABLES


def test_the_migrations_match_the_models(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    db.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    db.upgrade(engine)
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    db.upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}


def test_upgrade_twice_is_harmless(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    db.upgrade(engine)
    db.upgrade(engine)
    head = ScriptDirectory.from_config(db.alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head


def test_upgrade_keeps_the_rows_of_a_database_in_use(tmp_path: Path) -> None:
    """SQLite rebuilds a table to add a foreign key (0007 on question, 0008 on kata): with
    foreign keys enforced, dropping the old table would break the rows that point at it."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'in-use.db'}")
    command.upgrade(db.alembic_config(engine), "0006")
    now = "2026-12-01 10:00:00"
    with engine.begin() as connection:
        for statement in (
            "INSERT INTO user (id, username, password_hash, role, created_at)"
            f" VALUES (1, 'ann', 'x', 'candidate', '{now}')",
            "INSERT INTO question (id, prompt, topics, difficulty, source)"
            " VALUES ('q1', 'Why?', '[]', 'easy', 'notes')",
            "INSERT INTO kata (id, title, topics, difficulty) VALUES ('k1', 'K', '[]', 'easy')",
            "INSERT INTO card (id, user_id, question_id, fsrs_card, due, introduced_at)"
            f" VALUES (1, 1, 'q1', '{{}}', '{now}', '{now}')",
            "INSERT INTO submission (id, user_id, kata_id, kind, source, status, created_at)"
            f" VALUES (1, 1, 'k1', 'submit', 'pass', 'done', '{now}')",
            "INSERT INTO draft (user_id, kata_id, source, updated_at)"
            f" VALUES (1, 'k1', 'pass', '{now}')",
        ):
            connection.exec_driver_sql(statement)
    db.upgrade(engine)
    with engine.connect() as connection:
        counts = {
            table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("user", "question", "kata", "card", "submission", "draft")
        }
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        revision = MigrationContext.configure(connection).get_current_revision()
        columns = {column["name"] for column in inspect(connection).get_columns("kata")}
    assert counts == dict.fromkeys(counts, 1)
    assert revision == ScriptDirectory.from_config(db.alembic_config(engine)).get_current_head()
    assert "owner_id" in columns  # 0008's new column, committed


PROCRASTINATE = {
    "procrastinate_jobs",
    "procrastinate_workers",
    "procrastinate_events",
    "procrastinate_periodic_defers",
}


def test_on_postgres_the_migrations_match_the_models_and_bring_the_job_queue(
    postgres_url: str,
) -> None:
    engine = db.make_engine(postgres_url)
    try:
        assert set(inspect(engine).get_table_names()) == (
            TABLES | PROCRASTINATE | {"alembic_version"}
        )
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": db.include_object}
            )
            assert compare_metadata(context, SQLModel.metadata) == []
        db.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        with engine.connect() as connection:
            left = connection.exec_driver_sql(
                "SELECT typname FROM pg_type WHERE typname LIKE 'procrastinate%%' "
                "OR typname = 'role' UNION ALL "
                "SELECT proname FROM pg_proc WHERE proname LIKE 'procrastinate%%'"
            ).all()
        assert left == []
        db.upgrade(engine)
        assert set(inspect(engine).get_table_names()) == (
            TABLES | PROCRASTINATE | {"alembic_version"}
        )
    finally:
        engine.dispose()
