"""An HTML export (StackEdit and the like): each lowest-level heading with content is a question.

Higher headings (the course, "Week 1") are context only; the table of contents is skipped.
Images point at files the notes do not have, so they become a short "figure missing" note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from server.bank.prompts import prompt_for_heading
from server.bank.shapes.draft import Draft, NoteError
from server.bank.text import FIGURE_MISSING, clean_inline, convert_math

__all__ = ["parse"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_VOID = {"br", "img", "hr", "meta", "link", "input"}


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {key: value or "" for key, value in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(note: str, text: str) -> list[Draft]:
    """Draft questions from an HTML export."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    blocks = [node for node in _content(builder.root) if not _is_toc(node)]
    levels = [
        int(node.tag[1]) for node in blocks if isinstance(node, _Node) and node.tag in _HEADINGS
    ]
    if not levels:
        raise NoteError(1, "an HTML note needs headings (<h1>..<h6>) to make questions from")
    drafts: list[Draft] = []
    heading: _Node | None = None
    body: list[_Node | str] = []
    for node in [*blocks, None]:
        is_heading = isinstance(node, _Node) and node.tag in _HEADINGS
        if node is not None and not is_heading:
            body.append(node)
            continue
        answer = "\n\n".join(part for part in (_block(child) for child in body) if part)
        if heading is not None and answer.strip():
            title = clean_inline(_text(heading))
            drafts.append(
                Draft(
                    note=note,
                    line=heading.line,
                    prompt=prompt_for_heading(title),
                    answer=answer,
                    raw="\n".join([title, *(_text(child) for child in body)]),
                )
            )
        heading, body = (node if isinstance(node, _Node) else None), []
    return drafts


def _content(root: _Node) -> list[_Node | str]:
    """The blocks of the document body, unwrapped from the export's container divs."""
    blocks: list[_Node | str] = []
    for child in root.children:
        if isinstance(child, _Node) and child.tag in ("html", "body", "div", "head"):
            if child.tag != "head":
                blocks.extend(_content(child))
        elif isinstance(child, _Node) or child.strip():
            blocks.append(child)
    return blocks


def _is_toc(node: _Node | str) -> bool:
    if not isinstance(node, _Node):
        return False
    return "toc" in node.attrs.get("class", "") or any(
        isinstance(child, _Node) and _is_toc(child) for child in node.children
    )


def _text(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_text(child) for child in node.children)


def _block(node: _Node | str, depth: int = 0) -> str:
    """Markdown for one block element; lists nest by two spaces per level."""
    if isinstance(node, str):
        return clean_inline(convert_math(node))
    if node.tag in ("ul", "ol"):
        items = []
        for number, item in enumerate(child for child in node.children if isinstance(child, _Node)):
            marker = f"{number + 1}." if node.tag == "ol" else "-"
            items.append(_item(item, depth, marker))
        return "\n".join(items)
    if node.tag == "pre":
        return f"```\n{_text(node).strip()}\n```"
    return _tidy(_inline(node))


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()


def _item(node: _Node, depth: int, marker: str) -> str:
    indent = "  " * depth
    inline: list[_Node | str] = []
    nested: list[str] = []
    for child in node.children:
        if isinstance(child, _Node) and child.tag in ("ul", "ol"):
            nested.append(_block(child, depth + 1))
        else:
            inline.append(child)
    text = _tidy(_inline(_Node("span", {}, node.line, inline)))
    text = text.replace("\n", f"\n{indent}  ")
    return "\n".join([f"{indent}{marker} {text}", *nested])


def _inline(node: _Node | str) -> str:
    if isinstance(node, str):
        return re.sub(r"[ \t\r\n]+", " ", convert_math(node))
    if node.tag == "br":
        return "\\\n"  # a Markdown hard line break
    if node.tag == "img":
        return f" {FIGURE_MISSING} "
    inner = "".join(_inline(child) for child in node.children)
    if node.tag in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**"
    if node.tag in ("em", "i") and inner.strip():
        return f"*{inner.strip()}*"
    if node.tag == "code":
        return f"`{inner}`"
    if node.tag == "a":
        href = node.attrs.get("href", "")
        if href.startswith(("http://", "https://")) and inner.strip() and inner.strip() != href:
            return f"[{inner.strip()}]({href})"
        return f"<{href}>" if href.startswith(("http://", "https://")) else inner
    return inner
