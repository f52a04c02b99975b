"""Attempt engine: attempts, their frozen items, and append-only answer snapshots.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("graded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("current_item_id", sa.Integer(), nullable=True),
        sa.Column("current_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seat_token_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attempt_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attempt_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_attempt_deadline_at"), ["deadline_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attempt_seat_token_hash"), ["seat_token_hash"], unique=False
        )
    op.create_table(
        "attemptitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("question_id", sa.String(length=120), nullable=True),
        sa.Column("kata_id", sa.String(length=120), nullable=True),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("section", sa.String(length=120), nullable=True),
        sa.Column("time_hint_seconds", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("seconds_spent", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("covered_key_points", sa.JSON(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("practice_event_id", sa.Integer(), nullable=True),
        sa.Column("interviewer_id", sa.Integer(), nullable=True),
        sa.Column("interviewer_score", sa.Float(), nullable=True),
        sa.Column("interviewer_notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempt.id"]),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"]),
        sa.ForeignKeyConstraint(["kata_id"], ["kata.id"]),
        sa.ForeignKeyConstraint(["submission_id"], ["submission.id"]),
        sa.ForeignKeyConstraint(["practice_event_id"], ["practiceevent.id"]),
        sa.ForeignKeyConstraint(["interviewer_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("attempt_id", "position"),
    )
    with op.batch_alter_table("attemptitem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attemptitem_attempt_id"), ["attempt_id"], unique=False)
    op.create_table(
        "answersnapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["attemptitem.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("answersnapshot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answersnapshot_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    op.drop_table("answersnapshot")
    op.drop_table("attemptitem")
    op.drop_table("attempt")
