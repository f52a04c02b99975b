"""The kata list as one user sees it: what each kata is, whether they have solved it, filters.

A kata counts as solved once the user has a hidden-test submission (kind `submit`) with the
verdict `passed`; runs of the sample tests and quick answers do not count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from graders import Kata as KataSpec
from graders import Verdict
from graders.spec import DIFFICULTIES
from server.models import Submission, User
from server.submissions import Kind

__all__ = [
    "DIFFICULTIES",
    "KataRow",
    "kata_rows",
    "next_kata",
    "solved_ids",
    "statement_body",
    "topics",
]


@dataclass(frozen=True)
class KataRow:
    """One kata with the user's standing on it: runs and submits made, solved or not."""

    kata: KataSpec
    submissions: int
    solved: bool

    @property
    def state(self) -> str:
        """One of solved, attempted (run or submitted at least once) and new, for badges."""
        if self.solved:
            return "solved"
        return "attempted" if self.submissions else "new"


def solved_ids(*, session: Session, user: User) -> set[str]:
    """Ids of the katas the user has solved."""
    rows = session.exec(
        select(Submission.kata_id)
        .where(
            Submission.user_id == user.id,
            Submission.kind == Kind.submit,
            Submission.verdict == Verdict.PASSED,
        )
        .distinct()
    ).all()
    return set(rows)


def kata_rows(
    *,
    session: Session,
    user: User,
    katas: Iterable[KataSpec],
    topic: str | None = None,
    difficulty: str | None = None,
    solved: bool | None = None,
) -> list[KataRow]:
    """The katas matching the filters, easiest first, each with the user's standing."""
    counts = dict(
        session.exec(
            select(Submission.kata_id, func.count())
            .where(
                Submission.user_id == user.id,
                col(Submission.kind).in_([Kind.run, Kind.submit]),
            )
            .group_by(col(Submission.kata_id))
        ).all()
    )
    done = solved_ids(session=session, user=user)
    rows = [
        KataRow(kata, counts.get(kata.id, 0), kata.id in done)
        for kata in katas
        if (topic is None or topic in kata.topics)
        and (difficulty is None or kata.difficulty == difficulty)
        and (solved is None or (kata.id in done) == solved)
    ]
    return sorted(rows, key=lambda row: (DIFFICULTIES.index(row.kata.difficulty), row.kata.title))


def next_kata(
    *, session: Session, user: User, katas: Iterable[KataSpec], after: KataSpec
) -> KataSpec | None:
    """The first unsolved kata after `after` in the list's order (easiest first), wrapping
    round; None once every kata is solved."""
    rows = kata_rows(session=session, user=user, katas=katas)
    ids = [row.kata.id for row in rows]
    start = ids.index(after.id) + 1 if after.id in ids else 0
    for row in rows[start:] + rows[:start]:
        if not row.solved and row.kata.id != after.id:
            return row.kata
    return None


def topics(katas: Iterable[KataSpec]) -> list[str]:
    """Every topic used by at least one kata, sorted."""
    return sorted({topic for kata in katas for topic in kata.topics})


def statement_body(kata: KataSpec) -> str:
    """The statement without its leading `# Title` line: the page shows the title itself."""
    first, _, rest = kata.statement.partition("\n")
    return rest.lstrip("\n") if first.startswith("# ") else kata.statement
