"""What every note parser produces: draft questions, and errors located by line."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Draft", "NoteError"]


@dataclass
class Draft:
    """A question as read from one place in one note, before merging and writing."""

    note: str  # the note's file name
    line: int  # 1-based line of the prompt in the note
    prompt: str
    answer: str  # Markdown
    raw: str  # the note's own text of the prompt and answer, where corrections look
    topics: tuple[str, ...] = ()


class NoteError(Exception):
    """A note that cannot be read as any known shape, located by line."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
