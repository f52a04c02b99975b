"""Markdown to safe HTML: CommonMark plus tables and `$..$`/`$$..$$` maths left for KaTeX.

Maths comes out as `<span class="math inline">` (inline), `<span class="math display">` (`$$..$$`
inside a paragraph) and `<div class="math block">` (`$$..$$` on its own lines) holding the TeX
source, HTML-escaped; static/app.js typesets them with the vendored KaTeX in the browser.
Everything is passed through nh3 with a small allowlist, so raw HTML in the files cannot inject
markup even if the Markdown parser let it through.
"""

from __future__ import annotations

from functools import cache, lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.dollarmath import dollarmath_plugin

__all__ = ["render_inline", "render_markdown", "render_statement"]

_TAGS = {
    "a", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_CLASSES = {"span": {"math", "inline", "display"}, "div": {"math", "block"}}


@cache
def _parser() -> MarkdownIt:
    # html=False: raw HTML in a file is shown as text. allow_space/allow_digits=False keep
    # prices like "$5 and $6" from becoming maths (Pandoc's rule).
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    md.use(
        dollarmath_plugin,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        double_inline=True,
    )
    # The plugin renders `$$..$$` inside a paragraph as a <div>, which cannot sit in a <p>.
    md.add_render_rule("math_inline_double", _render_display_span)
    return md


def _render_display_span(
    self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<span class="math display">{escapeHtml(tokens[idx].content)}</span>'


def _clean(html: str) -> Markup:
    safe = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(safe)


# The bank's files (answers, notes, prompts) are few distinct texts, so each is parsed and
# sanitised once, not on every page view. Kata statements are not rendered here.
@lru_cache(maxsize=8192)
def render_markdown(text: str) -> Markup:
    """A Markdown document as sanitised HTML."""
    return _render(text)


# Managers write kata statements in the browser, each save a new text of up to 50,000
# characters: they get their own small cache, so they neither push the bank's texts out of the
# one above nor grow without bound. Worth one: the median statement takes 1.6 ms to render,
# a 50,000-character one 60 ms, a cached one 0.2 us.
@lru_cache(maxsize=128)
def render_statement(text: str) -> Markup:
    """A kata statement (a file's, or one written in the browser) as sanitised HTML."""
    return _render(text)


def _render(text: str) -> Markup:
    return _clean(_parser().render(text))


@lru_cache(maxsize=8192)
def render_inline(text: str) -> Markup:
    """One line of Markdown (a prompt, a key point) as sanitised inline HTML, no `<p>`."""
    md = _parser()
    tokens = md.parseInline(text)
    renderer: RendererHTML = md.renderer  # type: ignore[assignment]
    return _clean(renderer.render(tokens, md.options, {}))
