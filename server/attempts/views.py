"""What a person taking an attempt sees of an item: its title and content, never answers.

Shared by the mock interview pages and an assessment candidate's pages.
"""

from __future__ import annotations

from typing import Any

from server.attempts.models import AttemptItem, ItemKind
from server.catalog import Catalog
from server.katas import statement_body

__all__ = ["item_content", "item_title"]


def item_title(item: AttemptItem, catalog: Catalog) -> str:
    """The question's prompt, or the kata's title."""
    if item.kind == ItemKind.kata:
        kata = catalog.held_kata(item.kata_id or "", item.kata_version_id)
        return kata.title if kata else "Kata"
    doc = catalog.held_question(item.question_id or "")
    return doc.prompt if doc else "Question"


def item_content(item: AttemptItem, catalog: Catalog) -> dict[str, Any]:
    """What the candidate sees of an item: the prompt or statement, never the answers."""
    if item.kind == ItemKind.kata:
        kata = catalog.held_kata(item.kata_id or "", item.kata_version_id)
        return {
            "statement": statement_body(kata) if kata else "This kata is no longer available.",
            "function": kata.function if kata else "",
            "kind": kata.kind if kata else "function",
            "topics": kata.topics if kata else (),
            "difficulty": kata.difficulty if kata else "",
        }
    doc = catalog.held_question(item.question_id or "")
    return {
        "prompt": doc.prompt if doc else "This question is no longer in the bank.",
        "topics": doc.topics if doc else (),
        "difficulty": doc.difficulty if doc else "",
    }
