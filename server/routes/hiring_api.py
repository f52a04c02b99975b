"""The hiring JSON API for applicant-tracking integrations (managers and admins only).

Authenticated like the rest of the API (session cookie + `X-CSRF-Token` on writes). A set,
assessment or candidate of another manager answers 404, exactly like one that does not
exist. Times are ISO 8601 and must carry their zone; they come back in UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field, model_validator
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from server.attempts.models import ItemKind
from server.catalog import Catalog
from server.clock import ClockDep
from server.deps import CatalogDep, MailerDep, ManagerUser, SessionDep, SettingsDep
from server.hiring import assessments, invitations, reports, sets, similarity_runs
from server.hiring import questions as manager_questions
from server.hiring.emails import send_invitation
from server.hiring.models import Decision, FlagStatus, ManagerQuestion
from server.mailer import MailError
from server.models import User
from server.routes.hiring_deps import OwnAssessment, OwnInvitation, OwnSet

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["hiring"])

Id = Annotated[int, Path(ge=1)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Not logged in."},
    403: {"description": "Not a manager or admin, or a missing X-CSRF-Token header."},
    404: {"description": "None of yours with that id."},
    422: {"description": "Not valid as given; `detail` names the field."},
}


class SetItemIn(BaseModel):
    kind: ItemKind
    question_id: str | None = Field(default=None, max_length=120, description="Concept items.")
    kata_id: str | None = Field(default=None, max_length=120, description="Kata items.")
    pool: list[Annotated[str, Field(max_length=120)]] | None = Field(
        default=None,
        max_length=sets.MAX_POOL,
        description="Instead of one id: several of this kind; each candidate gets one at random.",
    )
    points: float = Field(default=1.0, gt=0, le=sets.MAX_POINTS)
    section: str | None = Field(default=None, max_length=120)
    time_hint_minutes: int | None = Field(default=None, ge=1, le=sets.MAX_TIME_HINT_MINUTES)

    @model_validator(mode="after")
    def one_source(self) -> SetItemIn:
        given = [self.question_id, self.kata_id, self.pool]
        if sum(value is not None for value in given) != 1:
            raise ValueError("give exactly one of question_id, kata_id or pool")
        if self.kind == ItemKind.kata and self.question_id is not None:
            raise ValueError("a kata item names a kata_id")
        if self.kind == ItemKind.concept and self.kata_id is not None:
            raise ValueError("a concept item names a question_id")
        return self

    def entry(self) -> sets.Entry:
        ids = self.pool or [self.question_id or self.kata_id or ""]
        return sets.Entry(self.kind, tuple(ids), self.points, self.section, self.time_hint_minutes)


class SetIn(BaseModel):
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=5000)
    items: list[SetItemIn] = Field(min_length=1, max_length=sets.MAX_ENTRIES)


class SetCreated(BaseModel):
    set_id: int


class SetOut(BaseModel):
    set_id: int
    title: str
    description: str
    archived: bool
    items: list[dict[str, Any]]


class AssessmentIn(BaseModel):
    set_id: int = Field(ge=1)
    title: str = Field(max_length=200)
    minutes: int = Field(ge=1, le=assessments.MAX_MINUTES)
    opens_at: datetime
    closes_at: datetime
    instructions: str = Field(default="", max_length=5000)


class AssessmentCreated(BaseModel):
    assessment_id: int


class InvitationIn(BaseModel):
    name: str = Field(max_length=120)
    email: str = Field(default="", max_length=254)
    extra_minutes: int = Field(default=0, ge=0, le=invitations.MAX_EXTRA_MINUTES)
    extra_percent: int = Field(default=0, ge=0, le=invitations.MAX_EXTRA_PERCENT)
    extra_reason: str = Field(default="", max_length=500)
    expires_at: datetime | None = None
    send_email: bool = Field(
        default=False, description="Email the link to `email` (needs KATABANK_SMTP_HOST)."
    )


class InvitationCreated(BaseModel):
    invitation_id: int
    url: str = Field(description="The candidate's link; it holds the token and is shown once.")
    emailed: bool = False
    email_error: str | None = Field(
        default=None, description="Why the email was not sent; the invitation exists anyway."
    )


class CandidateOut(BaseModel):
    invitation_id: int
    name: str
    email: str
    status: reports.Status
    score: float | None
    max_score: float | None
    seconds_used: int | None
    flags: int = Field(description="Similarity flags not dismissed.")
    decision: Decision | None


class PairOut(BaseModel):
    flag_id: int
    kata_id: str
    a: int = Field(description="An invitation id.")
    b: int = Field(description="An invitation id.")
    similarity: float = Field(ge=0, le=1)
    status: FlagStatus


class ReportOut(BaseModel):
    candidates: list[CandidateOut]
    similar_pairs: list[PairOut]
    #: Some submitted code is not compared yet: `similar_pairs` may still grow.
    similarity_pending: bool = False


class DecisionIn(BaseModel):
    decision: Decision
    notes: str = Field(default="", max_length=5000)


class OverrideIn(BaseModel):
    score: float = Field(ge=0)
    note: str = Field(default="", max_length=2000)


class FlagReviewIn(BaseModel):
    status: FlagStatus
    note: str = Field(default="", max_length=2000)


def candidate_url(request: Request, public_url: str | None, token: str) -> str:
    """The candidate's link: under `public_url` when set (behind a proxy), else this host."""
    base = public_url.rstrip("/") + "/" if public_url else str(request.base_url)
    return f"{base}take/{token}"


@router.post("/sets", status_code=201, response_model=SetCreated, responses=_ERRORS)
def create_set(
    body: SetIn, session: SessionDep, user: ManagerUser, catalog: CatalogDep, clock: ClockDep
) -> SetCreated:
    """Create a question set from bank questions and katas (a `pool` draws one per candidate)."""
    created = sets.create_set(
        session=session,
        owner=user,
        title=body.title,
        description=body.description,
        entries=[item.entry() for item in body.items],
        catalog=catalog,
        now=clock.now(),
    )
    return SetCreated(set_id=created.id or 0)


class QuestionIn(BaseModel):
    """A conceptual question of your own: `answer` is Markdown (math in $...$)."""

    prompt: str = Field(max_length=manager_questions.MAX_PROMPT)
    answer: str = Field(max_length=manager_questions.MAX_ANSWER)
    key_points: list[Annotated[str, Field(max_length=manager_questions.MAX_KEY_POINT)]] = Field(
        max_length=manager_questions.MAX_KEY_POINTS
    )
    topics: list[Annotated[str, Field(max_length=manager_questions.MAX_TOPIC)]] = Field(
        default_factory=list, max_length=manager_questions.MAX_TOPICS
    )
    difficulty: str = Field(default="medium", max_length=16)


class QuestionCreated(BaseModel):
    question_id: str


class QuestionOut(BaseModel):
    question_id: str
    prompt: str
    answer: str
    key_points: list[str]
    topics: list[str]
    difficulty: str


@router.post("/questions", status_code=201, response_model=QuestionCreated, responses=_ERRORS)
def create_question(
    body: QuestionIn, session: SessionDep, user: ManagerUser, catalog: CatalogDep, clock: ClockDep
) -> QuestionCreated:
    """Write a question for your own sets: only you see it; it never joins the public bank."""
    draft = manager_questions.Draft(
        body.prompt, body.answer, body.key_points, body.topics, body.difficulty
    )
    row = manager_questions.create_question(
        session=session, owner=user, draft=draft, catalog=catalog, now=clock.now()
    )
    return QuestionCreated(question_id=manager_questions.question_id(row))


@router.get("/questions", response_model=list[QuestionOut], responses=_ERRORS)
def list_questions(session: SessionDep, user: ManagerUser) -> list[QuestionOut]:
    """Your own questions, newest first."""
    rows = manager_questions.list_questions(session=session, user=user)
    return [_question_out(row) for row in rows]


@router.get("/questions/{question_id}", response_model=QuestionOut, responses=_ERRORS)
def read_question(
    question_id: Annotated[str, Path(max_length=120)], session: SessionDep, user: ManagerUser
) -> QuestionOut:
    return _question_out(_own_question(session, question_id, user))


@router.get(
    "/questions/{question_id}/export",
    response_class=PlainTextResponse,
    responses={**_ERRORS, 200: {"content": {"text/markdown": {}}}},
)
def export_question(
    question_id: Annotated[str, Path(max_length=120)], session: SessionDep, user: ManagerUser
) -> Response:
    """Your question as a question file (questions/README.md), to review or add to a bank."""
    row = _own_question(session, question_id, user)
    return Response(
        manager_questions.export_file(row),
        media_type="text/markdown",
        headers={"Content-Disposition": f'attachment; filename="{question_id}.md"'},
    )


def _own_question(session: Session, question_id: str, user: User) -> ManagerQuestion:
    return manager_questions.get_question(session=session, question_id=question_id, user=user)


def _question_out(row: ManagerQuestion) -> QuestionOut:
    return QuestionOut(
        question_id=manager_questions.question_id(row),
        prompt=row.prompt,
        answer=row.answer,
        key_points=list(row.key_points),
        topics=list(row.topics),
        difficulty=row.difficulty,
    )


@router.get("/sets", response_model=list[SetOut], responses=_ERRORS)
def list_sets(session: SessionDep, user: ManagerUser) -> list[SetOut]:
    """Your sets that are not archived, most recently edited first."""
    return [_set_out(item) for item in sets.list_sets(session=session, user=user)]


@router.get("/sets/{set_id}", response_model=SetOut, responses=_ERRORS)
def read_set(question_set: OwnSet) -> SetOut:
    return _set_out(question_set)


@router.get(
    "/sets/{set_id}/export",
    response_class=PlainTextResponse,
    responses={**_ERRORS, 200: {"content": {"application/toml": {}}}},
)
def export_set(question_set: OwnSet) -> Response:
    """The set as a TOML file to keep in git (import it with POST /api/sets/import)."""
    return Response(
        sets.export_toml(question_set),
        media_type="application/toml",
        headers={"Content-Disposition": f'attachment; filename="set-{question_set.id}.toml"'},
    )


@router.post(
    "/sets/import",
    status_code=201,
    response_model=SetCreated,
    responses=_ERRORS,
    openapi_extra={
        "requestBody": {"content": {"application/toml": {"schema": {"type": "string"}}}}
    },
)
async def import_set(
    request: Request, session: SessionDep, user: ManagerUser, catalog: CatalogDep, clock: ClockDep
) -> SetCreated:
    """Create a set from a TOML set file (the body), as exported.

    Async only to read the body; reading the file and saving the set run in the thread pool,
    off the event loop every other request shares."""
    raw = await request.body()
    return await run_in_threadpool(_import_set, raw, session, user, catalog, clock.now())


def _import_set(
    raw: bytes, session: Session, user: User, catalog: Catalog, now: datetime
) -> SetCreated:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise sets.SetError("The file is not UTF-8 text.") from None
    created = sets.import_set(text, session=session, owner=user, catalog=catalog, now=now)
    return SetCreated(set_id=created.id or 0)


@router.post("/assessments", status_code=201, response_model=AssessmentCreated, responses=_ERRORS)
def create_assessment(
    body: AssessmentIn, session: SessionDep, user: ManagerUser, clock: ClockDep
) -> AssessmentCreated:
    """Publish an assessment: the set's current items are frozen for every candidate."""
    question_set = sets.get_set(session=session, set_id=body.set_id, user=user)
    created = assessments.publish(
        session=session,
        owner=user,
        question_set=question_set,
        title=body.title,
        minutes=body.minutes,
        opens_at=body.opens_at,
        closes_at=body.closes_at,
        instructions=body.instructions,
        now=clock.now(),
    )
    return AssessmentCreated(assessment_id=created.id or 0)


@router.post(
    "/assessments/{assessment_id}/invitations",
    status_code=201,
    response_model=InvitationCreated,
    responses=_ERRORS,
)
def create_invitation(
    assessment: OwnAssessment,
    body: InvitationIn,
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    settings: SettingsDep,
    mailer: MailerDep,
    clock: ClockDep,
) -> InvitationCreated:
    """Invite one candidate; the returned URL holds their token and is not shown again."""
    invitation, token = invitations.invite(
        session=session,
        assessment=assessment,
        name=body.name,
        email=body.email,
        extra_minutes=body.extra_minutes,
        extra_percent=body.extra_percent,
        extra_reason=body.extra_reason,
        expires_at=body.expires_at,
        now=clock.now(),
    )
    url = candidate_url(request, settings.public_url, token)
    created = InvitationCreated(invitation_id=invitation.id or 0, url=url)
    if body.send_email:
        if not invitation.email:
            created.email_error = "No email address was given."
        else:
            try:
                send_invitation(
                    mailer=mailer, invitation=invitation, assessment=assessment, url=url
                )
                created.emailed = True
            except MailError as error:
                created.email_error = str(error)
    return created


@router.post(
    "/assessments/{assessment_id}/invitations/{invitation_id}/revoke",
    status_code=204,
    responses=_ERRORS,
)
def revoke_invitation(invitation: OwnInvitation, session: SessionDep, clock: ClockDep) -> Response:
    """The candidate's link stops working at once; what they did is kept."""
    invitations.revoke(session=session, invitation=invitation, now=clock.now())
    return Response(status_code=204)


@router.get("/assessments/{assessment_id}/report", response_model=ReportOut, responses=_ERRORS)
def read_report(
    assessment: OwnAssessment,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
) -> ReportOut:
    """Every candidate's status and score, and the pairs of similar kata code to review."""
    flags = similarity_runs.flags_of(session=session, assessment=assessment)
    rows = reports.candidate_rows(session=session, assessment=assessment, now=clock.now())
    return ReportOut(
        similarity_pending=similarity_runs.pending(session=session, assessment=assessment),
        candidates=[
            CandidateOut(
                invitation_id=row.invitation.id or 0,
                name=row.invitation.display_name or row.invitation.name,
                email=row.invitation.email,
                status=row.status,
                score=row.score,
                max_score=row.max_score,
                seconds_used=row.seconds_used,
                flags=row.flags,
                decision=row.invitation.decision,
            )
            for row in rows
        ],
        similar_pairs=[
            PairOut(
                flag_id=flag.id or 0,
                kata_id=flag.kata_id,
                a=flag.a_id,
                b=flag.b_id,
                similarity=flag.similarity,
                status=flag.status,
            )
            for flag in flags
        ],
    )


@router.get(
    "/assessments/{assessment_id}/report.csv",
    response_class=PlainTextResponse,
    responses={**_ERRORS, 200: {"content": {"text/csv": {}}}},
)
def export_report(
    assessment: OwnAssessment, session: SessionDep, user: ManagerUser, clock: ClockDep
) -> Response:
    """The candidates table as CSV."""
    rows = reports.candidate_rows(session=session, assessment=assessment, now=clock.now())
    return Response(
        reports.csv_export(rows),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="assessment-{assessment.id}.csv"'},
    )


@router.put(
    "/assessments/{assessment_id}/candidates/{invitation_id}/decision",
    status_code=204,
    responses=_ERRORS,
)
def put_decision(
    assessment: OwnAssessment,
    invitation: OwnInvitation,
    body: DecisionIn,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
) -> Response:
    """Advance, hold or reject a candidate, with notes (recorded with who and when)."""
    reports.decide(
        session=session,
        assessment=assessment,
        invitation=invitation,
        decision=body.decision,
        notes=body.notes,
        actor=user,
        now=clock.now(),
    )
    return Response(status_code=204)


@router.put(
    "/assessments/{assessment_id}/candidates/{invitation_id}/items/{item_id}/score",
    status_code=204,
    responses=_ERRORS,
)
def put_override(
    assessment: OwnAssessment,
    invitation: OwnInvitation,
    item_id: Id,
    body: OverrideIn,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
) -> Response:
    """Override one item's score (0 to its points); the automatic score is kept beside it."""
    reports.override_score(
        session=session,
        assessment=assessment,
        invitation=invitation,
        item_id=item_id,
        score=body.score,
        note=body.note,
        actor=user,
        now=clock.now(),
    )
    return Response(status_code=204)


@router.put("/assessments/{assessment_id}/flags/{flag_id}", status_code=204, responses=_ERRORS)
def put_flag_review(
    assessment: OwnAssessment,
    flag_id: Id,
    body: FlagReviewIn,
    session: SessionDep,
    user: ManagerUser,
) -> Response:
    """Confirm or dismiss a similarity flag."""
    reports.review_flag(
        session=session,
        assessment=assessment,
        flag_id=flag_id,
        status=body.status,
        note=body.note,
        actor=user,
    )
    return Response(status_code=204)


@router.delete(
    "/assessments/{assessment_id}/candidates/{invitation_id}", status_code=204, responses=_ERRORS
)
def delete_candidate(
    assessment: OwnAssessment, invitation: OwnInvitation, session: SessionDep, user: ManagerUser
) -> Response:
    """Delete a candidate's data (privacy requests): answers, snapshots, submissions, link."""
    reports.delete_candidate(
        session=session, assessment=assessment, invitation=invitation, actor=user
    )
    return Response(status_code=204)


def _set_out(question_set: Any) -> SetOut:
    return SetOut(
        set_id=question_set.id or 0,
        title=question_set.title,
        description=question_set.description,
        archived=question_set.archived_at is not None,
        items=question_set.items,
    )
