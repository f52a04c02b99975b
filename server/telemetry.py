"""Every request gets an id, a line in the access log and its place in the metrics.

The route label is the route's template (`/katas/{kata_id}`), never the raw path, so the
metrics cannot grow without bound; requests no route matched count as "unmatched".
"""

from __future__ import annotations

import logging
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import metrics
from server.logs import REQUEST_ID, request_id_from

__all__ = ["TelemetryMiddleware"]

log = logging.getLogger("katabank.access")


class TelemetryMiddleware:
    """Outermost middleware: sets the request id, then times and counts the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = request_id_from(headers.get(b"x-request-id", b"").decode("latin-1"))
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = _route_label(scope)
            metrics.REQUESTS.labels(route=route, method=scope["method"], status=status).inc()
            metrics.REQUEST_SECONDS.labels(route=route).observe(seconds)
            log.info(
                "%s %s %d %.1fms",
                scope["method"],
                scope["path"],
                status,
                seconds * 1000,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                },
            )
            REQUEST_ID.reset(token)


def _route_label(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"
