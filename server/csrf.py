"""CSRF protection: a synchronizer token on every state-changing request, plus an origin check.

A signed-in browser's token is its login session's `csrf_token`; an anonymous browser (the
login and register forms) gets a random token in its own HttpOnly cookie and must echo it.
Forms send the token as the `csrf_token` field, htmx as the `X-CSRF-Token` header.
A cookie-less API request authenticated by a bearer token needs neither (no browser attaches
that header by itself); any request carrying the session cookie still does.
The origin must be one of the `allowed_origins` setting, or, when that is empty, the request's
own host (behind a proxy that rewrites Host, set `allowed_origins`).
"""

from __future__ import annotations

import hmac
import secrets
from functools import lru_cache
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SAFE_METHODS",
    "TOKEN_PATH_PREFIXES",
    "allowed_origins",
    "is_token",
    "new_token",
    "verify_csrf",
]

CSRF_COOKIE = "katabank_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Requests authenticated by a secret in the path (a candidate's invitation link), not by a
# cookie: a forged request cannot know the secret, so there is nothing to check a token for.
TOKEN_PATH_PREFIXES = ("/api/take/",)
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_token(value: str | None) -> bool:
    """Whether a cookie value looks like one of our tokens (43 URL-safe characters)."""
    return (
        value is not None
        and len(value) == 43
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )


async def verify_csrf(request: Request) -> None:
    """Refuse (403) a state-changing request from another site or without the right token."""
    if request.method in SAFE_METHODS or getattr(request.state, "bearer", False):
        return
    if not _same_origin(request, request.app.state.settings.allowed_origins):
        raise HTTPException(403, "This request came from another site, so it was refused.")
    if request.url.path.startswith(TOKEN_PATH_PREFIXES):
        return
    expected: str | None = getattr(request.state, "csrf_token", None)
    supplied = request.headers.get(CSRF_HEADER)
    if supplied is None and request.headers.get("content-type", "").startswith(_FORM_TYPES):
        try:
            value = (await request.form()).get(CSRF_FIELD)
        except Exception as exc:  # a malformed body is the client's mistake, not ours
            raise HTTPException(400, "The form could not be read.") from exc
        supplied = value if isinstance(value, str) else None
    if not expected or not supplied or not hmac.compare_digest(expected, supplied):
        raise HTTPException(
            403,
            "This form has expired or did not come from this site. Reload the page and try again.",
        )


def _same_origin(request: Request, allowed: str) -> bool:
    # Browsers send Origin on cross-site POSTs; Referer is the fallback. Neither is required,
    # because the token check alone already stops forged requests.
    source = request.headers.get("origin") or request.headers.get("referer")
    if source is None:
        return True
    if source == "null":
        return False
    parts = urlsplit(source)
    if allowed.strip():
        return f"{parts.scheme}://{parts.netloc}".lower() in allowed_origins(allowed)
    return parts.netloc.lower() == request.headers.get("host", "").lower()


@lru_cache(maxsize=8)
def allowed_origins(setting: str) -> frozenset[str]:
    """The allowed_origins setting as a set of lower-case `scheme://host[:port]`."""
    return frozenset(
        item.strip().rstrip("/").lower() for item in setting.split(",") if item.strip()
    )
