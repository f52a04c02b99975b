"""A user's own progress page; every number on it comes from queries filtered by that user."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server import katas, progress, reviews
from server.charts import daily_chart
from server.deps import CatalogDep, CurrentUser, SessionDep, render
from server.models import utcnow

router = APIRouter()

_UPCOMING = 20


@router.get("/progress")
def progress_page(
    request: Request, session: SessionDep, user: CurrentUser, catalog: CatalogDep
) -> Response:
    now = utcnow()
    days = progress.daily_activity(session=session, user=user, now=now)
    chart = daily_chart(
        chart_id="activity-chart",
        title="Reviews per day and share rated Good or Easy, last 30 days",
        days=[day.day for day in days],
        counts=[day.rated for day in days],
        shares=[day.good_share for day in days],
    )
    return render(
        request,
        "progress/page.html",
        totals=progress.totals(session=session, user=user),
        streak=progress.streak(session=session, user=user, now=now),
        cards=progress.card_count(session=session, user=user),
        days=days,
        chart=chart,
        mastery=progress.topic_mastery(session=session, user=user),
        mastered_days=progress.MASTERED_STABILITY_DAYS,
        upcoming=reviews.upcoming(session=session, user=user, limit=_UPCOMING),
        katas=katas.kata_rows(session=session, user=user, katas=catalog.katas.values()),
        now=now,
    )
