"""Markdown to sanitised HTML, with maths left for KaTeX."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from server.rendering import render_inline, render_markdown
from tests.factories import one, text


def _html(text: str) -> HTMLParser:
    return HTMLParser(str(render_markdown(text)))


def test_inline_and_display_maths_keep_their_tex() -> None:
    html = _html("Cost $O(n^2)$ and $$\\sum_i x_i$$ here.\n\n$$\na < b\n$$")
    assert [n.text() for n in html.css("p > span.math.inline")] == ["O(n^2)"]
    assert [n.text() for n in html.css("p > span.math.display")] == ["\\sum_i x_i"]
    assert text(html, "div.math.block").strip() == "a < b"


def test_dollar_amounts_are_not_maths() -> None:
    html = _html("It costs $5 and $6 today, or $ 7 $.")
    assert html.css(".math") == []


def test_code_blocks_and_tables() -> None:
    html = _html("```python\nx = 1 < 2\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`inline`")
    assert text(html, "pre > code") == "x = 1 < 2\n"
    assert [cell.text() for cell in html.css("table td")] == ["1", "2"]
    assert text(html, "p > code") == "inline"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="https://example.com" onclick="alert(1)">x</a>',
        "<iframe src='https://example.com'></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_html_in_the_source_cannot_inject_markup(text: str) -> None:
    html = _html(text)
    assert html.css("script, img, iframe, style, [onclick], [onerror]") == []
    assert html.css('a[href^="javascript"]') == []


def test_links_get_a_safe_rel() -> None:
    link = one(_html("[site](https://example.com)"), "a")
    assert link.attributes["href"] == "https://example.com"
    assert set((link.attributes["rel"] or "").split()) >= {"noopener", "noreferrer"}


def test_editor_notes_as_blockquotes_survive() -> None:
    html = _html("> **Editor's note:** the notes are wrong here.")
    assert text(html, "blockquote strong") == "Editor's note:"


def test_inline_rendering_has_no_paragraph() -> None:
    html = HTMLParser(str(render_inline("What is $O(1)$ *time*?")))
    assert html.css("p") == []
    assert text(html, "span.math.inline") == "O(1)"
    assert text(html, "em") == "time"
