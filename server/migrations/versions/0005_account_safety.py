"""Account safety: rate-limit windows, API tokens, login sessions' last use, client and browser.

The old table of failed logins is replaced by `rate_event`, which counts every attempt (and
registrations) in windows; its rows are short-lived, so none are carried over.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rate_event", schema=None) as batch_op:
        batch_op.create_index("ix_rate_event_scope_key_at", ["scope", "key", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_rate_event_at"), ["at"], unique=False)

    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("shown", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("loginsession", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("client", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("user_agent", sa.String(length=200), nullable=False, server_default="")
        )
    op.execute("UPDATE loginsession SET last_seen_at = created_at")
    with op.batch_alter_table("loginsession", schema=None) as batch_op:
        batch_op.alter_column(
            "last_seen_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )

    with op.batch_alter_table("loginattempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loginattempt_username"))
        batch_op.drop_index(batch_op.f("ix_loginattempt_at"))
    op.drop_table("loginattempt")


def downgrade() -> None:
    op.create_table(
        "loginattempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("loginattempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loginattempt_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_loginattempt_username"), ["username"], unique=False)

    with op.batch_alter_table("loginsession", schema=None) as batch_op:
        batch_op.drop_column("user_agent")
        batch_op.drop_column("client")
        batch_op.drop_column("last_seen_at")

    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_user_id"))
    op.drop_table("api_token")

    with op.batch_alter_table("rate_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_event_at"))
        batch_op.drop_index("ix_rate_event_scope_key_at")
    op.drop_table("rate_event")
