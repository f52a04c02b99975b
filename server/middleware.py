"""Per-request context (who is logged in, from where, the CSRF token), body size limit, headers.

It runs before routing so that error pages, too, know the user; the lookup is one indexed
query on the login session's token hash. A request without a session cookie may instead carry
an API token (`Authorization: Bearer`), on the JSON API only; such a request is marked
`request.state.bearer` and needs no CSRF token, since no browser sends it on its own.
The client address is the peer's, or, from a trusted proxy, the rightmost untrusted hop of
X-Forwarded-For (the hops to its left could be written by the client).
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.apitokens import find_token_user
from server.config import Settings
from server.csrf import CSRF_COOKIE, is_token, new_token
from server.errors import database_error, error_response
from server.logins import find_login
from server.models import LoginSession, User

__all__ = [
    "SESSION_COOKIE",
    "RequestContextMiddleware",
    "client_address",
    "cookie_header",
    "trusted_networks",
]

SESSION_COOKIE = "katabank_session"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
_SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def cookie_header(name: str, value: str, *, settings: Settings, max_age: int | None = None) -> str:
    """A Set-Cookie value: HttpOnly, SameSite=Lax, Secure when the site is served over https."""
    response = Response()
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )
    return response.headers["set-cookie"]


_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def trusted_networks(setting: str) -> tuple[_Network, ...]:
    """The networks named by the trusted_proxies setting; raises ValueError naming a bad one."""
    networks = []
    for part in filter(None, (item.strip() for item in setting.split(","))):
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as exc:
            raise ValueError(
                f"KATABANK_TRUSTED_PROXIES: {part!r} is not an address or CIDR"
            ) from exc
    return tuple(networks)


def _trusted(address: str, networks: tuple[_Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str, forwarded_for: list[str], networks: tuple[_Network, ...]) -> str:
    """The client's address: `peer` unless it is a trusted proxy, else the rightmost hop of
    the X-Forwarded-For headers that is not a trusted proxy (the leftmost when all are)."""
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop[:64]
    return hops[0][:64] if hops else peer


@lru_cache(maxsize=8)
def _autocommit(engine: Engine) -> Engine:
    """`engine` for the per-request login lookup: a statement or two that need no transaction,
    so no BEGIN and ROLLBACK round trips around them (on Postgres, a third of a page's)."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _lookup(engine: Engine, token: str, idle: timedelta) -> tuple[User, LoginSession] | None:
    with Session(_autocommit(engine), expire_on_commit=False) as session:
        return find_login(session=session, token=token, idle=idle)


def _bearer_user(engine: Engine, token: str) -> User | None:
    with Session(_autocommit(engine), expire_on_commit=False) as session:
        return find_token_user(session=session, token=token)


def _cache_control(path: str, is_static: bool) -> str:
    """Pages carry a CSRF token and often private data: no cache may keep them. Vendored files
    have their version in their name, so browsers keep them; the app's own files may change
    with a deploy, so browsers ask again each time (a 304 when unchanged)."""
    if not is_static:
        return "no-store"
    if path.startswith("/static/vendor/"):
        return "public, max-age=31536000, immutable"
    return "no-cache"


def _too_large(limit: int) -> str:
    return f"The request was larger than this site accepts ({limit:,} bytes at most)."


class RequestContextMiddleware:
    """Sets `request.state.user`, `.login` and `.csrf_token`; refuses (413) an oversized body;
    adds security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        app_state = scope["app"].state
        settings: Settings = app_state.settings
        is_static = request.url.path.startswith("/static/")
        token = request.cookies.get(SESSION_COOKIE)
        idle = timedelta(hours=settings.session_idle_hours)
        authorization = request.headers.get("authorization", "")
        bearer = (
            token is None
            and request.url.path.startswith("/api/")
            and authorization[:7].lower() == "bearer "
        )
        failed: OperationalError | None = None
        user: User | None = None
        login: LoginSession | None = None
        try:
            if token and not is_static:
                found = await run_in_threadpool(_lookup, app_state.engine, token, idle)
                user, login = found if found else (None, None)
            if bearer:
                user = await run_in_threadpool(
                    _bearer_user, app_state.engine, authorization[7:].strip()
                )
        except OperationalError as exc:  # the app's handlers are inside this middleware
            failed = exc
        peer = scope["client"][0] if scope.get("client") else "unknown"
        request.state.client = client_address(
            peer,
            request.headers.getlist("x-forwarded-for"),
            trusted_networks(settings.trusted_proxies),
        )
        request.state.bearer = bearer
        anonymous_token = request.cookies.get(CSRF_COOKIE)
        issue_cookie = not is_static and not is_token(anonymous_token)
        if issue_cookie:
            anonymous_token = new_token()
        request.state.user = user
        request.state.login = login
        request.state.csrf_token = login.csrf_token if login else anonymous_token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if settings.secure_cookies:
                    headers["Strict-Transport-Security"] = "max-age=31536000"
                if "cache-control" not in headers:
                    headers["Cache-Control"] = _cache_control(request.url.path, is_static)
                if issue_cookie:
                    assert anonymous_token is not None
                    headers.append(
                        "set-cookie",
                        cookie_header(CSRF_COOKIE, anonymous_token, settings=settings),
                    )
            await send(message)

        if failed is not None:
            await database_error(request, failed)(scope, receive, send_with_headers)
            return
        limit = settings.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await error_response(request, 413, _too_large(limit))(scope, receive, send_with_headers)
            return
        received = 0

        async def receive_with_limit() -> Message:
            # A body sent without Content-Length (chunked) is counted as it arrives.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, _too_large(limit))
            return message

        await self.app(scope, receive_with_limit, send_with_headers)
