"""Jinja templates: one environment per app, and `render()` which every page goes through.

Every template sees `user` (or None), `csrf_token`, `csrf_field()` (a hidden input for plain
forms), `vendor` (URLs of the vendored front-end assets, the one place versions are named),
`request`, and the filters `markdown`, `inline_markdown` and `statement_markdown` (for kata
statements, with a cache of their own): sanitised HTML, maths kept for KaTeX.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.responses import Response

from server.csrf import CSRF_FIELD
from server.rendering import render_inline, render_markdown, render_statement

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "VendorAssets", "make_templates", "render"]

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class VendorAssets:
    """URLs under /static/vendor/, found by pattern so that a version bump touches no template."""

    htmx: str | None = None
    katex_js: str | None = None
    katex_css: str | None = None
    codemirror_js: str | None = None
    swagger_js: str | None = None
    swagger_css: str | None = None

    @classmethod
    def discover(cls, static_dir: Path) -> VendorAssets:
        def find(*patterns: str) -> str | None:
            for pattern in patterns:
                matches = sorted((static_dir / "vendor").glob(pattern))
                if matches:
                    return "/static/" + matches[-1].relative_to(static_dir).as_posix()
            log.warning("vendored asset missing: static/vendor/%s", patterns[0])
            return None

        return cls(
            htmx=find("htmx-*.min.js"),
            katex_js=find("katex-*/katex.min.js"),
            katex_css=find("katex-*/katex.min.css"),
            codemirror_js=find("codemirror-*.min.js"),
            swagger_js=find("swagger-ui-*/swagger-ui-bundle.js"),
            swagger_css=find("swagger-ui-*/swagger-ui.css"),
        )


@jinja2.pass_context
def _csrf_field(context: jinja2.runtime.Context) -> Markup:
    token = context.get("csrf_token") or ""
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')


def _request_context(request: Request) -> dict[str, Any]:
    return {
        "user": getattr(request.state, "user", None),
        "csrf_token": getattr(request.state, "csrf_token", None),
    }


def make_templates(static_dir: Path = STATIC_DIR) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates ship with the code and change only with a restart; checking each file's
        # mtime on every render was a stat() per template per request on the hot path.
        auto_reload=False,
    )
    env.globals["vendor"] = VendorAssets.discover(static_dir)
    env.globals["csrf_field"] = _csrf_field
    env.filters["markdown"] = render_markdown
    env.filters["inline_markdown"] = render_inline
    env.filters["statement_markdown"] = render_statement
    return Jinja2Templates(env=env, context_processors=[_request_context])


def render(
    request: Request,
    name: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> Response:
    """Render `name` (e.g. "questions/page.html") with `context` plus the common variables."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, name, context, status_code=status_code, headers=headers
    )
