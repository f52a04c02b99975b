"""Browse and search the question bank; one page per question; the bank's load errors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from server.bank.files import DIFFICULTIES
from server.deps import AdminUser, CatalogDep, QuestionDep, SettingsDep, render
from server.search import QUERY_MAX, hits, paginate

router = APIRouter()

_DIFFICULTY = f"^(|{'|'.join(DIFFICULTIES)})$"


@router.get("/questions")
def browse(
    request: Request,
    catalog: CatalogDep,
    settings: SettingsDep,
    q: Annotated[str, Query(max_length=QUERY_MAX)] = "",
    topic: Annotated[str, Query(max_length=80)] = "",
    difficulty: Annotated[str, Query(pattern=_DIFFICULTY)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    found = catalog.search_index.search(
        text=q, topic=topic or None, difficulty=difficulty or None
    )
    results = paginate(found, number=page, size=settings.page_size)
    context: dict[str, Any] = {
        "results": results,
        "hits": hits(results.items, text=q),
        "q": q,
        "topic": topic,
        "difficulty": difficulty,
        "topics": catalog.topics(),
        "difficulties": DIFFICULTIES,
    }
    # htmx asks for the results list only when the search form changes.
    if request.headers.get("hx-target") == "results":
        return render(request, "questions/_results.html", **context)
    return render(request, "questions/browse.html", **context)


@router.get("/questions/{question_id}")
def question_page(request: Request, question: QuestionDep) -> Response:
    return render(request, "questions/page.html", question=question)


@router.get("/admin/bank")
def bank_errors(request: Request, catalog: CatalogDep, admin: AdminUser) -> Response:
    return render(
        request,
        "questions/bank_errors.html",
        errors=catalog.errors,
        kata_errors=catalog.kata_errors,
        question_count=len(catalog.questions),
    )
