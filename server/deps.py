"""FastAPI dependencies, declared once: the database session, the user, settings, lookups.

    SessionDep     a Session for this request
    SettingsDep    the app's Settings
    CatalogDep     the content catalog (questions and katas loaded from files)
    OptionalUser   the logged-in User, or None
    CurrentUser    the logged-in User; anonymous page requests are redirected to /login,
                   JSON API requests get 401
    RequireRole    `RequireRole(Role.admin)` -> a dependency giving the User or a 403 page
    AdminUser      CurrentUser with role admin
    ManagerUser    CurrentUser with role manager or admin
    QuestionDep    the QuestionDoc named by the `question_id` path parameter, or a 404 page
    KataDep        the graders.Kata named by the `kata_id` path parameter, or a 404 page
    QueueDep       the grading queue submissions are handed to
    MailerDep      where email goes (off unless KATABANK_SMTP_HOST is set)
    LimitsDep      submissions.Limits from the settings: per minute, waiting per user and overall
    render         render(request, "feature/page.html", **context) -> HTMLResponse

FastAPI runs a plain `def` dependency in its thread pool: a hand-off per dependency per
request. Those that only read app or request state are `async def`, so they run on the event
loop; the ones that may touch the database stay plain.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any

from anyio import CancelScope
from fastapi import Depends, HTTPException, Path, Request
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from graders import Kata
from server.bank.files import QuestionDoc
from server.catalog import Catalog
from server.config import Settings
from server.errors import LoginRequired
from server.grading import GradingQueue
from server.mailer import Mailer
from server.models import Role, User
from server.submissions import Limits
from server.templating import render

__all__ = [
    "AdminUser",
    "CatalogDep",
    "CurrentUser",
    "KataDep",
    "LimitsDep",
    "MailerDep",
    "ManagerUser",
    "OptionalUser",
    "QuestionDep",
    "QueueDep",
    "RequireRole",
    "SessionDep",
    "SettingsDep",
    "question_or_404",
    "render",
]


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session for the request; closed afterwards, in the thread pool only when it holds a
    connection (giving one back rolls back: a round trip to the database server), and even
    when the request is cancelled, so its connection goes back to the pool."""
    session = Session(request.app.state.engine, expire_on_commit=False)
    try:
        yield session
    finally:
        if session.in_transaction():
            with CancelScope(shield=True):
                await run_in_threadpool(session.close)
        else:
            session.close()


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog.refreshed()


async def get_optional_user(request: Request) -> User | None:
    user: User | None = getattr(request.state, "user", None)
    return user


async def get_current_user(request: Request) -> User:
    user: User | None = getattr(request.state, "user", None)
    if user is None:
        raise LoginRequired()
    return user


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
OptionalUser = Annotated[User | None, Depends(get_optional_user)]
CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(*roles: Role) -> Callable[[User], Awaitable[User]]:
    """A dependency giving the current user if their role is one of `roles`, else 403."""

    async def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(403, "This page is for " + " and ".join(roles) + " accounts.")
        return user

    return check


def RequireRole(*roles: Role) -> Any:
    """`Depends` on `require_role`; capitalised because it is used like `CurrentUser`."""
    return Depends(require_role(*roles))


AdminUser = Annotated[User, RequireRole(Role.admin)]
ManagerUser = Annotated[User, RequireRole(Role.manager, Role.admin)]


def question_or_404(question_id: str, catalog: Catalog) -> QuestionDoc:
    """The question with this id, or a 404 page; practice calls it for form and query ids."""
    doc = catalog.question(question_id)
    if doc is None:
        raise HTTPException(404, "There is no question with that id in the bank.")
    return doc


async def get_question(
    question_id: Annotated[str, Path(max_length=120)], catalog: CatalogDep
) -> QuestionDoc:
    return question_or_404(question_id, catalog)


QuestionDep = Annotated[QuestionDoc, Depends(get_question)]


def get_kata(
    kata_id: Annotated[str, Path(max_length=120)], catalog: CatalogDep, user: CurrentUser
) -> Kata:
    """The kata with this id, or a 404 page; a kata written in the browser and not published
    is found only for its author (server/authoring/library.py)."""
    kata = catalog.kata_for(kata_id, user)
    if kata is None:
        raise HTTPException(404, "There is no kata with that id.")
    return kata


async def get_queue(request: Request) -> GradingQueue:
    queue: GradingQueue = request.app.state.grading
    return queue


KataDep = Annotated[Kata, Depends(get_kata)]
QueueDep = Annotated[GradingQueue, Depends(get_queue)]


async def get_mailer(request: Request) -> Mailer:
    mailer: Mailer = request.app.state.mailer
    return mailer


MailerDep = Annotated[Mailer, Depends(get_mailer)]


async def get_limits(settings: SettingsDep) -> Limits:
    return Limits(
        per_minute=settings.submissions_per_minute,
        queued_per_user=settings.queued_per_user,
        queued_max=settings.queued_max,
    )


LimitsDep = Annotated[Limits, Depends(get_limits)]
