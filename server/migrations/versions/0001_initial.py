"""Initial schema: users, logins, question and kata mirrors, cards, events, submissions, drafts.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kata",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("difficulty", sa.String(length=16), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
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

    op.create_table(
        "question",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("prompt", sa.String(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("difficulty", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("role", sa.Enum("candidate", "manager", "admin", name="role"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_username"), ["username"], unique=True)

    op.create_table(
        "card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=120), nullable=False),
        sa.Column("fsrs_card", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("introduced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "question_id"),
    )
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_due"), ["due"], unique=False)
        batch_op.create_index(batch_op.f("ix_card_question_id"), ["question_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_card_user_id"), ["user_id"], unique=False)

    op.create_table(
        "draft",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kata_id", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["kata_id"],
            ["kata.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("user_id", "kata_id"),
    )
    op.create_table(
        "loginsession",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("loginsession", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loginsession_user_id"), ["user_id"], unique=False)

    op.create_table(
        "practiceevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=120), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("typed_answer", sa.String(), nullable=True),
        sa.Column("key_point_score", sa.Float(), nullable=True),
        sa.Column("covered_key_points", sa.JSON(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("practiceevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practiceevent_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_practiceevent_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_practiceevent_user_id"), ["user_id"], unique=False)

    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kata_id", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("report", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["kata_id"],
            ["kata.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_submission_kata_id"), ["kata_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_submission_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_submission_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_user_id"))
        batch_op.drop_index(batch_op.f("ix_submission_status"))
        batch_op.drop_index(batch_op.f("ix_submission_kata_id"))
        batch_op.drop_index(batch_op.f("ix_submission_created_at"))

    op.drop_table("submission")
    with op.batch_alter_table("practiceevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practiceevent_user_id"))
        batch_op.drop_index(batch_op.f("ix_practiceevent_question_id"))
        batch_op.drop_index(batch_op.f("ix_practiceevent_at"))

    op.drop_table("practiceevent")
    with op.batch_alter_table("loginsession", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loginsession_user_id"))

    op.drop_table("loginsession")
    op.drop_table("draft")
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_user_id"))
        batch_op.drop_index(batch_op.f("ix_card_question_id"))
        batch_op.drop_index(batch_op.f("ix_card_due"))

    op.drop_table("card")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_username"))

    op.drop_table("user")
    # Postgres keeps an enum as a type of its own, which dropping the table leaves behind.
    sa.Enum(name="role").drop(op.get_bind(), checkfirst=True)
    op.drop_table("question")
    with op.batch_alter_table("loginattempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loginattempt_username"))
        batch_op.drop_index(batch_op.f("ix_loginattempt_at"))

    op.drop_table("loginattempt")
    op.drop_table("kata")
