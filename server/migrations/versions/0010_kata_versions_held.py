"""Attempt items and submissions remember the authored kata version they were made on.

A new version of an authored kata going live must not change the tests of an assessment or
mock interview already frozen, nor the kata a submission's report was graded on. Plain
integer columns, no foreign key: versions are never deleted, and on SQLite a foreign key
would rebuild `submission` and `attemptitem`, the largest tables, for nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attemptitem", sa.Column("kata_version_id", sa.Integer(), nullable=True))
    op.add_column("submission", sa.Column("kata_version_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("kata_version_id")
    with op.batch_alter_table("attemptitem", schema=None) as batch_op:
        batch_op.drop_column("kata_version_id")
