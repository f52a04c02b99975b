"""Katas written in the browser: the kata, its versions, and the owner of its mirror row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "authoredkata",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kata_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("live_version_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kata_id"),
    )
    with op.batch_alter_table("authoredkata", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_authoredkata_owner_id"), ["owner_id"], unique=False)
    op.create_table(
        "kataversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authored_id", sa.Integer(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["authored_id"], ["authoredkata.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kataversion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kataversion_authored_id"), ["authored_id"], unique=False
        )
    with op.batch_alter_table("kata", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_kata_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key("fk_kata_owner_id_user", "user", ["owner_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("kata", schema=None) as batch_op:
        batch_op.drop_constraint("fk_kata_owner_id_user", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_kata_owner_id"))
        batch_op.drop_column("owner_id")
    with op.batch_alter_table("kataversion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kataversion_authored_id"))
    op.drop_table("kataversion")
    with op.batch_alter_table("authoredkata", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_authoredkata_owner_id"))
    op.drop_table("authoredkata")
