"""Managers' own questions, and the owner of a private question's mirror row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "managerquestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("key_points", sa.JSON(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("difficulty", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("managerquestion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_managerquestion_owner_id"), ["owner_id"], unique=False)
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_question_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key("fk_question_owner_id_user", "user", ["owner_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_constraint("fk_question_owner_id_user", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_question_owner_id"))
        batch_op.drop_column("owner_id")
    with op.batch_alter_table("managerquestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_managerquestion_owner_id"))
    op.drop_table("managerquestion")
