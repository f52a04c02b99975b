"""Upserts: one statement that inserts a row or settles on the one already there.

A check-then-insert (read, see nothing, insert) lets two requests for the same key both
insert, and the second fails on the unique constraint. `INSERT ... ON CONFLICT` decides
inside the database instead; SQLite and Postgres spell it the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel

__all__ = ["insert_or_ignore", "insert_or_update"]

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def insert_or_update(
    *,
    session: Session,
    model: type[SQLModel],
    values: Mapping[str, Any],
    keys: Sequence[str],
    update: Sequence[str],
) -> None:
    """Insert `values`, or overwrite the `update` columns of the row that has the same `keys`."""
    statement = _insert(session, model).values(**values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={name: statement.excluded[name] for name in update},
        )
    )


def insert_or_ignore(
    *, session: Session, model: type[SQLModel], values: Mapping[str, Any], keys: Sequence[str]
) -> None:
    """Insert `values` unless a row with the same `keys` exists; that row is left as it is."""
    statement = _insert(session, model).values(**values)
    session.execute(statement.on_conflict_do_nothing(index_elements=list(keys)))


def _insert(session: Session, model: type[SQLModel]) -> Any:
    dialect = session.get_bind().dialect.name
    try:
        return _INSERTS[dialect](model)
    except KeyError:
        raise NotImplementedError(
            f"upserts support {', '.join(sorted(_INSERTS))}; this database is {dialect}"
        ) from None
