"""Kata authoring pages: the list of one's katas, the editor, its check status, export, import
and (admins) publishing. Every page is for managers and admins; another manager's kata is a
404, exactly like an unknown id. Saving stores a new version and queues its check on the
grading queue; the editor's status panel polls until the check is done (htmx).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from server import ratelimit
from server.authoring import archive, files, library
from server.authoring.files import AuthoringError, KataDraft, Solution
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.catalog import Catalog
from server.clock import ClockDep
from server.config import Settings
from server.deps import CatalogDep, ManagerUser, SessionDep, render
from server.models import Role, User
from server.ratelimit import RateLimited, Window

__all__ = ["router"]

router = APIRouter(prefix="/manage/katas")

KataId = Annotated[str, Path(max_length=files.MAX_ID)]
# The statement and code fields have no length of their own here: the request body cap bounds
# them, and check_draft names a field over its limit on the form, with everything kept as typed
# (a 400 page would lose the edit, and the browser's CRLF newlines count twice here).
Code = Annotated[str, Form()]
Names = Annotated[list[str], Form(max_length=files.MAX_SOLUTIONS + 2)]
Codes = Annotated[list[str], Form(max_length=files.MAX_SOLUTIONS + 2)]
_LIMIT_FIELDS = ("wall_seconds", "cpu_seconds", "memory_mb", "output_kb")
_NEW = KataDraft(
    kata_id="",
    title="",
    function="solve",
    statement="# Title\n\nWhat the function takes and returns, with an example.\n",
    starter="def solve(xs):\n    raise NotImplementedError\n",
    reference="def solve(xs):\n    ...\n",
    tests_sample=(
        "from graders.kit import check\n\n\n"
        "def test_example(solution):\n    check(solution, ([1, 2],), 3)\n"
    ),
    tests_hidden=(
        "from hypothesis import given, strategies as st\n\n"
        "from graders.kit import check\nfrom reference import solve\n\n\n"
        "@given(st.lists(st.integers()))\n"
        "def test_matches_reference(solution, xs):\n    check(solution, (xs,), solve(xs))\n"
    ),
)


@router.get("")
def kata_list(request: Request, session: SessionDep, user: ManagerUser) -> Response:
    return _list_page(request, session, user)


@router.get("/new")
def new_kata(request: Request, user: ManagerUser) -> Response:
    return _editor(request, None, None, _NEW)


@router.post("")
def create_kata(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    kata_id: Annotated[str, Form(max_length=files.MAX_ID)] = "",
    title: Annotated[str, Form(max_length=files.MAX_TITLE)] = "",
    difficulty: Annotated[str, Form(max_length=16)] = "medium",
    topics: Annotated[str, Form(max_length=1_000)] = "",
    function: Annotated[str, Form(max_length=100)] = "",
    expected_minutes: Annotated[str, Form(max_length=6)] = "15",
    max_examples: Annotated[str, Form(max_length=6)] = "",
    wall_seconds: Annotated[str, Form(max_length=8)] = "",
    cpu_seconds: Annotated[str, Form(max_length=8)] = "",
    memory_mb: Annotated[str, Form(max_length=8)] = "",
    output_kb: Annotated[str, Form(max_length=8)] = "",
    statement: Code = "",
    starter: Code = "",
    reference: Code = "",
    tests_sample: Code = "",
    tests_hidden: Code = "",
    wrong_name: Names = [],  # noqa: B006  (FastAPI copies defaults)
    wrong_verdict: Names = [],  # noqa: B006
    wrong_code: Codes = [],  # noqa: B006
    right_name: Names = [],  # noqa: B006
    right_code: Codes = [],  # noqa: B006
    editing: Annotated[str, Form(max_length=files.MAX_ID)] = "",
) -> Response:
    """Save a new kata, or (with `editing`) a new version of one's kata; then check it."""
    authored = _own(session, editing, user) if editing else None
    # A number that does not parse becomes one out of range: check_draft names its field,
    # and the form comes back with everything else as typed.
    draft = KataDraft(
        kata_id=authored.kata_id if authored else kata_id,
        title=title,
        difficulty=difficulty,
        topics=tuple(topics.split(",")),
        function=function,
        expected_minutes=_whole(expected_minutes),
        max_examples=_whole(max_examples) if max_examples.strip() else None,
        limits=tuple(
            (name, _number(value))
            for name, value in zip(
                _LIMIT_FIELDS, (wall_seconds, cpu_seconds, memory_mb, output_kb), strict=True
            )
            if value.strip()
        ),
        statement=statement,
        starter=starter,
        reference=reference,
        tests_sample=tests_sample,
        tests_hidden=tests_hidden,
        wrong=tuple(
            Solution(name, code, verdict)
            for name, verdict, code in zip(wrong_name, wrong_verdict, wrong_code, strict=False)
        ),
        right=tuple(
            Solution(name, code) for name, code in zip(right_name, right_code, strict=False)
        ),
    )
    return _save(request, session, user, catalog, clock.now(), draft, authored)


@router.post("/import")
async def import_kata(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    file: UploadFile,
) -> Response:
    """A kata folder archive (as exported) becomes a new kata, checked like any other.

    Async only to read the upload; unpacking and saving run in the thread pool, off the
    event loop every other request shares."""
    data = await file.read(archive.MAX_ARCHIVE_BYTES + 1)
    return await run_in_threadpool(_import, request, session, user, catalog, clock.now(), data)


def _import(
    request: Request, session: Session, user: User, catalog: Catalog, now: datetime, data: bytes
) -> Response:
    try:
        draft = files.from_files(archive.read_archive(data))
    except AuthoringError as error:
        return _list_page(request, session, user, error=error.message, status_code=422)
    return _save(request, session, user, catalog, now, draft, None, from_import=True)


@router.get("/{kata_id}")
def kata_page(
    request: Request, session: SessionDep, user: ManagerUser, kata_id: KataId
) -> Response:
    authored = _own(session, kata_id, user)
    version = library.latest_version(session=session, authored=authored)
    return _editor(request, authored, version, files.from_files(version.files))


@router.get("/{kata_id}/check")
def check_status(
    request: Request, session: SessionDep, user: ManagerUser, kata_id: KataId
) -> Response:
    """The status panel of the newest version; it polls itself until the check is done."""
    authored = _own(session, kata_id, user)
    version = library.latest_version(session=session, authored=authored)
    return render(request, "manage/_kata_check.html", authored=authored, version=version)


@router.get("/{kata_id}/export")
def export_kata(session: SessionDep, user: ManagerUser, kata_id: KataId) -> Response:
    """The live version (the last one whose check passed) as katas/<id>/ in a .tar.gz."""
    authored = _own(session, kata_id, user)
    if authored.live_version_id is None:
        raise HTTPException(409, "No version of this kata has passed its check yet.")
    version = session.get(KataVersion, authored.live_version_id)
    assert version is not None
    return Response(
        archive.export_archive(authored.kata_id, version.files),
        media_type="application/gzip",
        headers={"Content-Disposition": f'attachment; filename="{authored.kata_id}.tar.gz"'},
    )


@router.post("/{kata_id}/publish")
def publish_kata(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    kata_id: KataId,
) -> Response:
    authored = _own(session, kata_id, user)
    try:
        library.publish(session=session, authored=authored, user=user, now=clock.now())
    except AuthoringError as error:
        version = library.latest_version(session=session, authored=authored)
        draft = files.from_files(version.files)
        return _editor(request, authored, version, draft, error=error, status_code=422)
    catalog.kata(authored.kata_id)  # finding it published puts it in the public catalog
    return RedirectResponse(f"/manage/katas/{authored.kata_id}", status_code=303)


def _save(
    request: Request,
    session: Session,
    user: User,
    catalog: CatalogDep,
    now: datetime,
    draft: KataDraft,
    authored: AuthoredKata | None,
    *,
    from_import: bool = False,
) -> Response:
    settings: Settings = request.app.state.settings
    try:
        files.check_draft(draft)  # a draft refused as it stands queues nothing: not counted
        # Each save queues a sandbox check that runs every solution: a flood like any other.
        window = Window(settings.kata_saves_per_hour, timedelta(hours=1))
        ratelimit.take(session=session, scopes=[("kata-save", str(user.id), window)], now=now)
        version = library.save_kata(
            session=session,
            owner=user,
            draft=draft,
            taken=catalog.katas,
            now=now,
            authored=authored,
        )
    except AuthoringError as error:
        session.rollback()
        if from_import:
            return _list_page(request, session, user, error=error.message, status_code=422)
        return _editor(request, authored, None, draft, error=error, status_code=422)
    except RateLimited as exc:
        limited = AuthoringError(
            "kata",
            f"{settings.kata_saves_per_hour} saves in the last hour is the most allowed (each runs"
            f" a sandbox check). Try again in {exc.seconds} seconds; nothing was saved.",
        )
        headers = {"Retry-After": str(exc.seconds)}
        if from_import:
            return _list_page(
                request, session, user, error=limited.message, status_code=429, headers=headers
            )
        return _editor(
            request, authored, None, draft, error=limited, status_code=429, headers=headers
        )
    request.app.state.grading.check_kata(version.id)
    saved = session.get(AuthoredKata, version.authored_id)
    assert saved is not None
    return RedirectResponse(f"/manage/katas/{saved.kata_id}", status_code=303)


def _own(session: Session, kata_id: str, user: User) -> AuthoredKata:
    authored = library.get_own(session=session, kata_id=kata_id, user=user)
    if authored is None:
        raise HTTPException(404, "There is no kata of yours with that id.")
    return authored


def _list_page(
    request: Request,
    session: Session,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "manage/katas.html",
        status_code=status_code,
        headers=headers,
        katas=library.list_katas(session=session, user=user),
        error=error,
    )


def _editor(
    request: Request,
    authored: AuthoredKata | None,
    version: KataVersion | None,
    draft: KataDraft,
    *,
    error: AuthoringError | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    user: User = request.state.user
    return render(
        request,
        "manage/kata_edit.html",
        status_code=status_code,
        headers=headers,
        authored=authored,
        version=version,
        draft=draft,
        limits=dict(draft.limits),
        error=error,
        verdicts=files.VERDICTS,
        difficulties=("easy", "medium", "hard"),
        is_admin=user.role is Role.admin,
        checking=version is not None
        and version.status in (CheckStatus.pending, CheckStatus.checking),
    )


def _whole(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return 0


def _number(text: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        return 0.0
