"""Progress: streaks, daily activity, FSRS mastery per topic, the SVG chart, and privacy."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from server import progress, reviews
from server.charts import daily_chart
from server.keypoints import Coverage
from server.models import User, utcnow
from tests.factories import login, one, page, text

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
SVG = "{http://www.w3.org/2000/svg}"


pytestmark = pytest.mark.usefixtures("sample_bank")


def _rate_on(
    session: Session, user: User, at: datetime, rating: int = 3, question: str = "lstm"
) -> None:
    reviews.rate(session=session, user=user, question_id=question, rating=rating, now=at)


def test_streak_counts_consecutive_utc_days(session: Session, user: User) -> None:
    assert progress.streak(session=session, user=user, now=T0) == 0
    for days_ago in (0, 1, 2, 4):  # a gap three days ago ends the streak there
        _rate_on(session, user, T0 - timedelta(days=days_ago))
    assert progress.streak(session=session, user=user, now=T0) == 3


def test_a_streak_survives_until_the_day_is_over(session: Session, user: User) -> None:
    _rate_on(session, user, datetime(2030, 3, 3, 23, 59, tzinfo=UTC))
    _rate_on(session, user, datetime(2030, 3, 4, 0, 1, tzinfo=UTC))
    assert (
        progress.streak(session=session, user=user, now=datetime(2030, 3, 4, 12, tzinfo=UTC)) == 2
    )
    # Nothing yet on the 5th: yesterday's streak still stands; by the 6th it is gone.
    assert (
        progress.streak(session=session, user=user, now=datetime(2030, 3, 5, 20, tzinfo=UTC)) == 2
    )
    assert (
        progress.streak(session=session, user=user, now=datetime(2030, 3, 6, 0, 0, tzinfo=UTC)) == 0
    )


def test_daily_activity_counts_events_and_good_or_easy(session: Session, user: User) -> None:
    for rating in (1, 3, 4):
        _rate_on(session, user, T0, rating)
    _rate_on(session, user, T0 - timedelta(days=2), 2)
    _rate_on(session, user, T0 - timedelta(days=40), 4)  # outside the window
    days = progress.daily_activity(session=session, user=user, now=T0)
    assert len(days) == 30
    assert days[0].day == date(2030, 2, 3) and days[-1].day == date(2030, 3, 4)
    assert (days[-1].events, days[-1].rated, days[-1].good) == (3, 3, 2)
    assert days[-1].good_share == pytest.approx(2 / 3)
    assert (days[-3].events, days[-3].good_share) == (1, 0.0)
    assert sum(day.events for day in days) == 4
    assert [day.good_share for day in days if not day.events] == [None] * 28


def test_unrated_answers_count_as_activity_but_not_accuracy(session: Session, user: User) -> None:
    reviews.record_answer(
        session=session,
        user=user,
        question_id="lstm",
        typed_answer="memory",
        coverage=Coverage((True,)),
        now=T0,
    )
    [today] = progress.daily_activity(session=session, user=user, now=T0, days=1)
    assert (today.events, today.rated, today.good_share) == (1, 0, None)


def test_mastery_needs_three_weeks_of_stability(session: Session, user: User) -> None:
    at = T0
    # Easy, then Easy each time it comes due, until FSRS is confident for three weeks or more.
    for _ in range(6):
        reviews.rate(session=session, user=user, question_id="lstm", rating=4, now=at)
        at = reviews.upcoming(session=session, user=user, limit=1)[0][0]
    reviews.rate(session=session, user=user, question_id="sql-order", rating=1, now=T0)
    rows = {row.topic: row for row in progress.topic_mastery(session=session, user=user)}
    assert sorted(rows) == ["attention", "deep-learning", "rnn", "sql", "transformers"]
    assert (rows["rnn"].questions, rows["rnn"].started, rows["rnn"].mastered) == (1, 1, 1)
    assert rows["rnn"].share == 1.0
    assert (rows["sql"].started, rows["sql"].mastered, rows["sql"].share) == (1, 0, 0.0)
    # deep-learning holds four questions, one of them (lstm) mastered.
    assert (rows["deep-learning"].questions, rows["deep-learning"].mastered) == (4, 1)
    assert rows["deep-learning"].share == 0.25


def test_a_single_good_review_is_not_mastery(session: Session, user: User) -> None:
    _rate_on(session, user, T0, 4)
    rows = {row.topic: row for row in progress.topic_mastery(session=session, user=user)}
    assert (rows["rnn"].started, rows["rnn"].mastered) == (1, 0)


def _chart(counts: list[int], shares: list[float | None]) -> ET.Element:
    days = [date(2030, 3, 1) + timedelta(days=i) for i in range(len(counts))]
    svg = daily_chart(chart_id="c", title="Reviews", days=days, counts=counts, shares=shares)
    return ET.fromstring(str(svg))


def test_the_chart_has_one_mark_per_value() -> None:
    root = _chart([0, 3, 0, 1, 7], [None, 1 / 3, None, None, 0.5])
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    points = root.findall(f".//{SVG}circle[@class='point']")
    assert [bar.get("data-value") for bar in bars] == ["3", "1", "7"]
    assert [point.get("data-day") for point in points] == ["2030-03-02", "2030-03-05"]
    heights = [float(bar.get("height") or 0) for bar in bars]
    assert heights[2] > heights[0] > heights[1] > 0
    assert root.find(f"{SVG}title").text == "Reviews"  # type: ignore[union-attr]
    assert "11 reviews on 3 of 5 days" in (root.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]
    assert root.get("role") == "img"
    labels = [label.text for label in root.findall(f".//{SVG}text[@class='axis-label']")]
    assert labels == ["Day (UTC)", "Reviews", "Rated Good or Easy"]


def test_a_higher_share_draws_a_higher_point() -> None:
    root = _chart([1, 1], [0.25, 1.0])
    low, high = (float(p.get("cy") or 0) for p in root.findall(f".//{SVG}circle"))
    assert high < low  # SVG y grows downwards


def test_an_empty_chart_has_no_marks() -> None:
    root = _chart([0] * 30, [None] * 30)
    assert root.findall(f".//{SVG}rect") == []
    assert root.findall(f".//{SVG}circle") == []
    assert root.findall(f".//{SVG}polyline") == []


def test_the_chart_refuses_mismatched_series() -> None:
    with pytest.raises(ValueError, match="same length"):
        daily_chart(chart_id="c", title="t", days=[date(2030, 1, 1)], counts=[], shares=[])


def test_the_progress_page_shows_my_numbers(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    empty = page(logged_in.get("/progress"))
    assert text(empty, "#total-reviews") == "0"
    assert empty.css("#activity-chart rect.bar") == []
    now = utcnow()
    with Session(engine, expire_on_commit=False) as session:
        _rate_on(session, user, now - timedelta(days=1), 4)
        _rate_on(session, user, now - timedelta(days=1), 1, question="sql-order")
        _rate_on(session, user, now, 3, question="transfer-learning")
    html = page(logged_in.get("/progress"))
    assert text(html, "#total-reviews") == "3"
    assert text(html, "#streak") == "2 days"
    svg = ET.fromstring(one(html, "svg#activity-chart").html or "")
    assert [bar.get("data-value") for bar in svg.findall(f".//{SVG}rect[@class='bar']")] == [
        "2",
        "1",
    ]
    assert [p.get("data-value") for p in svg.findall(f".//{SVG}circle[@class='point']")] == [
        "0.500",
        "1.000",
    ]
    rows = html.css("#activity-table tbody tr")
    assert len(rows) == 30
    assert [cell.text() for cell in rows[0].css("td")] == ["1", "0", "100%"]  # newest first
    assert [cell.text() for cell in rows[1].css("td")] == ["2", "0", "50%"]
    topics = {row.attributes["data-topic"]: row for row in html.css("#mastery-table tbody tr")}
    assert text(topics["sql"], ".started") == "1"
    assert one(topics["rnn"], "meter").attributes["value"] == "0.0"
    due = [link.text() for link in html.css("#due-table a")]
    assert sorted(due) == sorted(
        [
            "What does LSTM stand for?",
            "In what order does SQL evaluate the clauses of a query?",
            "What is transfer learning?",
        ]
    )


def test_progress_shows_only_my_own_data(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    alice = make_user("alice")
    make_user("bob")
    with Session(engine, expire_on_commit=False) as session:
        for question in ("lstm", "sql-order"):
            _rate_on(session, alice, utcnow(), 3, question=question)
    login(client, "bob")
    html = page(client.get("/progress"))
    assert text(html, "#total-reviews") == "0"
    assert text(html, "#cards-started") == "0"
    assert html.css("#activity-chart rect.bar") == []
    assert html.css("#due-table") == []
    assert all(cell.text() == "0" for cell in html.css("#mastery-table .started"))


def test_reviews_and_answer_checks_are_counted_apart(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    with Session(engine, expire_on_commit=False) as session:
        _rate_on(session, user, utcnow(), 3)  # a flashcard: one review
        for question in ("sql-order", "transfer-learning"):  # two answers checked ...
            event = reviews.record_answer(
                session=session,
                user=user,
                question_id=question,
                typed_answer="a guess",
                coverage=Coverage((False,)),
                now=utcnow(),
            )
        reviews.rate(  # ... the second of them rated: a second review
            session=session,
            user=user,
            question_id="transfer-learning",
            rating=2,
            now=utcnow(),
            answer_event_id=event.id,
        )
    assert progress.totals(session=session, user=user) == progress.Totals(2, 2)
    html = page(logged_in.get("/progress"))
    assert (text(html, "#total-reviews"), text(html, "#answer-checks")) == ("2", "2")
    today = one(html, "#activity-table tbody tr")
    assert [cell.text() for cell in today.css("td")] == ["2", "2", "50%"]
    svg = ET.fromstring(one(html, "svg#activity-chart").html or "")
    assert [bar.get("data-value") for bar in svg.findall(f".//{SVG}rect[@class='bar']")] == ["2"]


def test_times_carry_their_utc_instant_for_the_browser_to_localise(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    with Session(engine, expire_on_commit=False) as session:
        _rate_on(session, user, utcnow(), 4)
    html = page(logged_in.get("/progress"))
    moment = one(html, "#due-table time[data-local]")
    iso = str(moment.attributes["datetime"])
    assert iso.endswith("+00:00")
    due = datetime.fromisoformat(iso)
    assert moment.text() == moment.attributes["title"] == due.strftime("%Y-%m-%d %H:%M UTC")
