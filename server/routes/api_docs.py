"""The JSON API as a page people can read: Swagger UI (vendored, no CDN) over /api/openapi.json."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server.deps import render

__all__ = ["router"]

router = APIRouter()


@router.get("/api/docs", include_in_schema=False)
def api_docs(request: Request) -> Response:
    return render(request, "api/docs.html", spec_url="/api/openapi.json")
