"""Answer Markdown from note lines: bullets, prose, sub-headings and re-joined code."""

from __future__ import annotations

import re

from server.bank.code import fence, is_code_line, looks_like_identifier
from server.bank.text import clean_inline, convert_math, mark_missing_figures

__all__ = ["render_lines"]

_FENCE_MARK = re.compile(r"^```\s*\w*\s*$")
_MD_HEADING = re.compile(r"^#{2,6}\s+(.*)$")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$")
_JOINS_LEFT = re.compile(r"^[,.;:)\]’'!?%](\s|\w|$)")
_MATH_THEN_BULLET = re.compile(r"(\\\]|\$\$)- ")


def render_lines(lines: list[str]) -> str:
    """Markdown for the lines of one answer, as the notes laid them out."""
    blocks: list[str] = []
    items: list[str] = []  # the bullet list being built
    code: list[str] = []
    open_item = False  # an empty "-" bullet takes the prose lines after it

    def flush_items() -> None:
        if items:
            blocks.append("\n".join(f"- {item}" for item in items))
            items.clear()

    def flush_code() -> None:
        if code:
            flush_items()
            blocks.append(fence(code))
            code.clear()

    for kind, text in _classify(_join_fragments(lines)):
        if kind == "code":
            code.append(text)
            open_item = False
            continue
        flush_code()
        if kind == "empty-bullet":
            open_item = True
        elif kind == "bullet":
            items.append(_inline(text))
            open_item = False
        elif kind == "heading":
            flush_items()
            blocks.append(f"**{_inline(text)}**")
            open_item = False
        elif open_item:
            items.append(_inline(text))
            open_item = False
        elif items:
            items[-1] = f"{items[-1]} {_inline(text)}"
        elif blocks and not blocks[-1].startswith(("**", "```")):
            blocks[-1] = f"{blocks[-1]} {_inline(text)}"
        else:
            blocks.append(_inline(text))
    flush_code()
    flush_items()
    return "\n\n".join(blocks)


def _inline(text: str) -> str:
    text = clean_inline(convert_math(text)).removesuffix("```").rstrip()
    if text.startswith("#"):
        text = "\\" + text
    return mark_missing_figures(text)


def _join_fragments(lines: list[str]) -> list[str]:
    """Put back what an export moved onto lines of their own: inline code and punctuation."""
    out: list[str] = []
    lines = _split_bullets(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else ""
        before = out[-1] if out else ""
        if before not in ("", "-") and _JOINS_LEFT.match(line) and not line.startswith("-"):
            out[-1] = before + line  # ",summer" belongs to the end of the line before
        elif (
            before not in ("", "-")
            and looks_like_identifier(line)
            and not before.endswith(":")
            and not is_code_line(before)
            and after
            and not after.startswith("- ")
            and (after[0].islower() or after[0] in "(" or _JOINS_LEFT.match(after))
        ):
            glue = "" if _JOINS_LEFT.match(after) else " "
            out[-1] = f"{before} `{line}`{glue}{after}"
            index += 1
        else:
            out.append(line)
        index += 1
    return out


def _split_bullets(lines: list[str]) -> list[str]:
    """`...overhead. -` then `Over/under...`: the dash opens the next bullet, not this one."""
    out: list[str] = []
    for line in (line.strip() for line in lines):
        if line.endswith(" -") and len(line) > 2:
            out += [line[:-2].rstrip(), "-"]
        elif found := _MATH_THEN_BULLET.search(line):
            out += [line[: found.start()] + found.group(1), f"- {line[found.end() :]}"]
        else:
            out.append(line)
    return out


def _classify(lines: list[str]) -> list[tuple[str, str]]:
    """Each line as (kind, text): bullet, empty-bullet, code, heading or prose."""
    out: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line or _FENCE_MARK.match(line):
            continue
        if line == "-":
            out.append(("empty-bullet", ""))
        elif line.startswith("- "):
            out.append(("bullet", line[2:]))
        elif _MD_HEADING.match(line):
            out.append(("heading", _MD_HEADING.match(line).group(1)))  # type: ignore[union-attr]
        elif _BOLD_LINE.match(line):
            out.append(("heading", _BOLD_LINE.match(line).group(1)))  # type: ignore[union-attr]
        elif (
            is_code_line(line.removesuffix("```"))
            or _continues_code(out, line)
            or (line.startswith("# ") and is_code_line(following))
        ):
            out.append(("code", line.removesuffix("```").rstrip()))
        elif _is_subheading(line, following):
            out.append(("heading", line.rstrip(":") if line.endswith("::") else line))
        else:
            out.append(("prose", line))
    return out


def _continues_code(previous: list[tuple[str, str]], line: str) -> bool:
    """A comment, or a line inside brackets opened by the code just before it."""
    if not previous or previous[-1][0] != "code":
        return False
    if line.startswith("# "):
        return True
    code = "\n".join(text for kind, text in previous if kind == "code")
    return sum(code.count(c) for c in "([{") > sum(code.count(c) for c in ")]}")


def _is_subheading(line: str, following: str) -> bool:
    """A short title line that introduces bullets: "Pros", "Cons", "Using OpenAI's API"."""
    if not _title_like(line):
        return False
    return (
        following == "-"
        or following.startswith("- ")
        or line.endswith(":")
        or (_title_like(following) and not following.endswith(":"))
    )


def _title_like(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 8 or not line[0].isalnum() or is_code_line(line):
        return False
    if not line[0].isupper() and not re.match(r"^[a-z]-[A-Z]", line):
        return False  # "k-Nearest Neighbor" is a title; "season" is a stray fragment
    return not (re.search(r"[.!?;,]$", line) or "$" in line or "\\(" in line)
