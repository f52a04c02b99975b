"""The five shapes notes come in, each turned into draft questions by its own parser."""

from __future__ import annotations

import re
from collections.abc import Callable

from server.bank.shapes import course, flashcards, freeform, html_export, qa_page
from server.bank.shapes.draft import Draft, NoteError

__all__ = ["Draft", "NoteError", "detect_shape", "parse_note"]


def detect_shape(text: str) -> str:
    """Name the shape of a note from its content: html, qa-page, course, flashcards, freeform."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    lines = text.splitlines()
    if len(lines) > 6 and sum(line.startswith("- ") for line in lines[1:6]) == 5:
        return "qa-page"
    if "•" in text and any(len(line) > 400 for line in lines):
        return "course"
    if lines and re.search(r"flash ?cards?\b", lines[0], re.IGNORECASE):
        return "flashcards"
    return "freeform"


def parse_note(name: str, text: str) -> list[Draft]:
    """Draft questions from one note; raises NoteError naming the line when it cannot."""
    parsers: dict[str, Callable[[str, str], list[Draft]]] = {
        "html": html_export.parse,
        "qa-page": qa_page.parse,
        "course": course.parse,
        "flashcards": flashcards.parse,
        "freeform": freeform.parse,
    }
    if not text.strip():
        raise NoteError(None, "the note is empty")
    return parsers[detect_shape(text)](name, text)
