"""Managers' own conceptual questions: private to their author, scored like bank questions.

Design: the question is a `ManagerQuestion` row (content authored in the browser lives in the
database, unlike the bank's files). Its public id is `mq-<n>`, and it is mirrored into the
`question` table with `owner_id` set, so attempt items keep their foreign key and the attempt
engine, key-point scoring (`server.keypoints.coverage`) and reports work on it unchanged. The
catalog holds these docs apart from the bank (`Catalog.private`): every public listing (the
questions pages, search, flashcards, answer mode, mock composition) reads `catalog.questions`
or the mirror filtered by `reviews.public_bank()`, and `Catalog.question(id)` is the bank
only, so a private question never shows there; `Catalog.held_question(id)`, which attempts use
to show and score an item they already hold, finds it. `export_file` renders it in the bank's
question-file format, and `check` applies the bank file's rules (prompt, difficulty) plus
non-empty distinct key points and limits on every field.

`Catalog.private` is filled at start-up (`load_private`) and on each create, so it is exact for
one server process; several web processes would each need a reload (see the report).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from server.bank.files import DIFFICULTIES, QuestionDoc, render_question
from server.catalog import Catalog
from server.hiring.errors import HiringError, NotFound
from server.hiring.models import ManagerQuestion
from server.models import Question, User

__all__ = [
    "PREFIX",
    "Draft",
    "QuestionError",
    "check",
    "create_question",
    "export_file",
    "fetch",
    "get_question",
    "list_questions",
    "load_private",
    "question_id",
    "to_doc",
]

PREFIX = "mq-"
MAX_PROMPT = 1_000
MAX_ANSWER = 20_000
MAX_KEY_POINTS = 20
MAX_KEY_POINT = 300
MAX_TOPICS = 10
MAX_TOPIC = 60


class QuestionError(HiringError):
    """A question a manager wrote that breaks a rule; `field` names the field at fault."""

    status_code = 422

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Draft:
    """What the manager typed, before checks."""

    prompt: str
    answer: str
    key_points: Sequence[str]
    topics: Sequence[str] = ()
    difficulty: str = "medium"


def check(draft: Draft) -> Draft:
    """The draft with whitespace trimmed; QuestionError naming the first field that is wrong."""
    prompt, answer = draft.prompt.strip(), draft.answer.strip()
    if not prompt:
        raise QuestionError("prompt", "the prompt is empty.")
    if len(prompt) > MAX_PROMPT:
        raise QuestionError("prompt", f"the prompt is longer than {MAX_PROMPT} characters.")
    if not answer:
        raise QuestionError("answer", "the reference answer is empty.")
    if len(answer) > MAX_ANSWER:
        raise QuestionError(
            "answer", f"the reference answer is longer than {MAX_ANSWER} characters."
        )
    points = [point.strip() for point in draft.key_points]
    if not points:
        raise QuestionError("key_points", "give at least one key point.")
    if len(points) > MAX_KEY_POINTS:
        raise QuestionError("key_points", f"at most {MAX_KEY_POINTS} key points.")
    for number, point in enumerate(points, start=1):
        if not point:
            raise QuestionError("key_points", f"key point {number} is empty.")
        if len(point) > MAX_KEY_POINT:
            raise QuestionError(
                "key_points", f"key point {number} is longer than {MAX_KEY_POINT} characters."
            )
    if len({point.casefold() for point in points}) != len(points):
        raise QuestionError("key_points", "two key points are the same.")
    topics = [topic.strip().lower() for topic in draft.topics if topic.strip()]
    if len(topics) > MAX_TOPICS or any(len(topic) > MAX_TOPIC for topic in topics):
        raise QuestionError(
            "topics", f"at most {MAX_TOPICS} topics of at most {MAX_TOPIC} characters each."
        )
    if draft.difficulty not in DIFFICULTIES:
        allowed = ", ".join(DIFFICULTIES)
        raise QuestionError("difficulty", f"must be one of {allowed}, not {draft.difficulty!r}.")
    return Draft(prompt, answer, points, list(dict.fromkeys(topics)), draft.difficulty)


def question_id(row: ManagerQuestion) -> str:
    return f"{PREFIX}{row.id}"


def to_doc(row: ManagerQuestion) -> QuestionDoc:
    return QuestionDoc(
        id=question_id(row),
        prompt=row.prompt,
        answer=row.answer,
        topics=tuple(row.topics),
        difficulty=row.difficulty,
        source=f"manager:{row.owner_id}",
        key_points=tuple(row.key_points),
        path=Path(f"{question_id(row)}.md"),
    )


def create_question(
    *, session: Session, owner: User, draft: Draft, catalog: Catalog, now: datetime
) -> ManagerQuestion:
    """Store a checked question in `owner`'s library, mirrored so attempts can hold it."""
    clean = check(draft)
    row = ManagerQuestion(
        owner_id=owner.id or 0,
        prompt=clean.prompt,
        answer=clean.answer,
        key_points=list(clean.key_points),
        topics=list(clean.topics),
        difficulty=clean.difficulty,
        created_at=now,
    )
    session.add(row)
    session.flush()
    doc = to_doc(row)
    session.add(
        Question(
            id=doc.id,
            prompt=doc.prompt,
            topics=list(doc.topics),
            difficulty=doc.difficulty,
            source=doc.source,
            owner_id=row.owner_id,
        )
    )
    session.commit()
    session.refresh(row)
    catalog.private[doc.id] = (row.owner_id, doc)
    return row


def load_private(*, session: Session, catalog: Catalog) -> None:
    """Put every manager's question into `catalog.private` (at start-up)."""
    for row in session.exec(select(ManagerQuestion)).all():
        catalog.private[question_id(row)] = (row.owner_id, to_doc(row))


def fetch(question_id: str, *, engine: Engine) -> tuple[int, QuestionDoc] | None:
    """(owner, question) for a private question id, read from the database; None if none.

    Another web process may have written it after this one loaded `catalog.private`.
    """
    number = question_id.removeprefix(PREFIX)
    if not question_id.startswith(PREFIX) or not number.isdigit():
        return None
    with Session(engine) as session:
        row = session.get(ManagerQuestion, int(number))
        return (row.owner_id, to_doc(row)) if row is not None else None


def list_questions(*, session: Session, user: User) -> list[ManagerQuestion]:
    """`user`'s own questions, newest first."""
    query = select(ManagerQuestion).where(ManagerQuestion.owner_id == user.id)
    return list(session.exec(query.order_by(col(ManagerQuestion.id).desc())).all())


def get_question(*, session: Session, question_id: str, user: User) -> ManagerQuestion:
    """`user`'s question by its `mq-` id; NotFound for anyone else's, exactly like a wrong id."""
    number = question_id.removeprefix(PREFIX)
    row = session.get(ManagerQuestion, int(number)) if number.isdigit() else None
    if row is None or not question_id.startswith(PREFIX) or row.owner_id != user.id:
        raise NotFound("No such question.")
    return row


def export_file(row: ManagerQuestion) -> str:
    """The question as a bank question file (questions/README.md), ready to review in git."""
    doc = to_doc(row)
    return render_question(
        id=doc.id,
        prompt=doc.prompt,
        answer=doc.answer,
        topics=doc.topics,
        difficulty=doc.difficulty,
        source=doc.source,
        key_points=doc.key_points,
        with_hash=False,
    )
