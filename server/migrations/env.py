"""Alembic environment: runs against the engine handed over by `server.db.upgrade`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine
from sqlmodel import SQLModel, create_engine

import server.apitokens
import server.attempts.models
import server.authoring.models
import server.hiring.models
import server.models
import server.ratelimit  # noqa: F401  (each import registers its tables on SQLModel.metadata)
from server.db import include_object

config = context.config
target_metadata = SQLModel.metadata


def _run() -> None:
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine: Engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url") or ""
    )
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=sqlite,
        )
        if not sqlite:
            with context.begin_transaction():
                context.run_migrations()
            return
        # SQLite changes a table by building a new one and dropping the old: with foreign
        # keys enforced, that drop fails as soon as any row points at the table. Off while
        # migrating (only outside a transaction does the pragma take), then checked.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            with context.begin_transaction():
                context.run_migrations()
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


_run()
