"""Pages with the code editor: the kata page, a submission, an attempt's kata item.

CodeMirror puts its styles in a <style> element, which the app's `style-src 'self'` refuses;
such a page's policy also allows the one element carrying the page's nonce (katas.js reads it
from its own script tag and hands it to the editor).
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from server.middleware import CONTENT_SECURITY_POLICY
from server.templating import render

__all__ = ["render_editor_page"]


def render_editor_page(
    request: Request,
    name: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> Response:
    """`render`, with a policy that lets this page's CodeMirror style itself (`style_nonce`)."""
    nonce = secrets.token_urlsafe(16)
    directives = [
        f"{part} 'nonce-{nonce}'" if part.startswith("style-src ") else part
        for part in CONTENT_SECURITY_POLICY.split("; ")
    ]
    return render(
        request,
        name,
        status_code=status_code,
        headers={**(headers or {}), "Content-Security-Policy": "; ".join(directives)},
        style_nonce=nonce,
        **context,
    )
