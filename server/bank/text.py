"""Small text repairs shared by every note shape: maths, missing figures, whitespace, slugs."""

from __future__ import annotations

import re

__all__ = [
    "FIGURE_MISSING",
    "clean_inline",
    "convert_math",
    "mark_missing_figures",
    "numbered_lines",
    "sentence",
    "slug",
]

FIGURE_MISSING = "*(figure missing in the notes)*"

_DISPLAY = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
# Sentences that point at a picture the notes never kept.
_FIGURE_REF = re.compile(
    r"\b(figure|image|diagram|plot|chart|illustration|graphs?|table)s? (below|above)"
    r"|\bfollowing (figure|image|diagram|plot|chart|illustration|graph)"
    r"|\bbelow is an? (example|illustration|figure|plot|diagram)",
    re.IGNORECASE,
)


def convert_math(text: str) -> str:
    """Turn `\\(..\\)` into `$..$` and `\\[..\\]` into `$$..$$`, the delimiters KaTeX is given."""
    text = _DISPLAY.sub(lambda m: f"$${m.group(1).strip()}$$", text)
    return _INLINE.sub(lambda m: f"${m.group(1).strip()}$", text)


def mark_missing_figures(text: str) -> str:
    """Append a short note to a line that refers to a figure the notes do not contain."""
    if _FIGURE_REF.search(text) and FIGURE_MISSING not in text:
        return f"{text.rstrip()} {FIGURE_MISSING}"
    return text


def clean_inline(text: str) -> str:
    """Collapse runs of whitespace and trim; notes exported from PDFs and HTML are full of them."""
    return " ".join(text.split())


def sentence(text: str) -> str:
    """Capitalise the first letter, leaving acronyms and the rest alone."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def slug(text: str) -> str:
    """`Deep Learning` -> `deep-learning`: lowercase ASCII letters and digits joined by dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of a note, stripped, each with its 1-based line number."""
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
