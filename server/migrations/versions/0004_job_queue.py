"""Grading on a job queue: submissions count their attempts; on Postgres, procrastinate's schema.

The procrastinate part is the schema of the pinned procrastinate release (pyproject.toml),
read from the installed package; a later release that changes its schema comes with a
migration applying procrastinate's own migration files. SQLite has no job queue: only the
`attempts` column is added there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from procrastinate.schema import SchemaManager

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What procrastinate's schema creates, dropped in an order its dependencies allow.
_TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
    "procrastinate_version",
)
_TYPES = (
    "procrastinate_job_to_defer_v1",
    "procrastinate_job_event_type",
    "procrastinate_job_status",
)


def upgrade() -> None:
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        # Straight to the driver with no parameters, so the schema's `%` reach Postgres as is.
        cursor = op.get_bind().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        op.execute(
            """
            DO $$
            DECLARE f record;
            BEGIN
                FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                         WHERE p.proname LIKE 'procrastinate%' LOOP
                    EXECUTE 'DROP ROUTINE IF EXISTS ' || f.signature || ' CASCADE';
                END LOOP;
            END $$;
            """
        )
        for type_name in _TYPES:
            op.execute(f"DROP TYPE IF EXISTS {type_name} CASCADE")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("attempts")
