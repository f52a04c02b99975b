"""The home page: what is due today for a signed-in user, a welcome for everyone else."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server import progress, reviews
from server.deps import CatalogDep, OptionalUser, SessionDep, SettingsDep, render
from server.models import utcnow

router = APIRouter()


@router.get("/")
def home(
    request: Request,
    session: SessionDep,
    user: OptionalUser,
    catalog: CatalogDep,
    settings: SettingsDep,
) -> Response:
    if user is None:
        return render(
            request,
            "home/welcome.html",
            question_count=len(catalog.questions),
            kata_count=len(catalog.katas),
        )
    now = utcnow()
    return render(
        request,
        "home/page.html",
        queue=reviews.queue_state(
            session=session, user=user, now=now, new_per_day=settings.new_cards_per_day
        ),
        streak=progress.streak(session=session, user=user, now=now),
        question_count=len(catalog.questions),
        kata_count=len(catalog.katas),
    )
