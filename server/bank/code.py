"""Code that the notes split across lines (and stripped of indentation), put back in fences."""

from __future__ import annotations

import re

__all__ = ["fence", "is_code_line", "looks_like_identifier"]

_OPENERS = (
    "def",
    "class",
    "for",
    "while",
    "if",
    "elif",
    "else",
    "try",
    "except",
    "finally",
    "with",
)
_PY_START = re.compile(
    r"^(def |class |for .+ in .+:|while .+:|if .+:|elif .+:|else:|try:|except\b.*:|finally:"
    r"|with .+:|return\b|yield\b|import \w|from [\w.]+ import |print\(|raise\b|pass$|break$"
    r"|continue$|lambda\b|assert )"
)
_ASSIGN = re.compile(r"^[A-Za-z_][\w.,\[\]'\" ]{0,40}?\s*(=|\+=|-=|\*=|/=)\s*[^=\s].*$")
_CALL = re.compile(r"^[A-Za-z_][\w.]*[(\[].*[)\]][\w.()\[\]]*\s*(;.*|#.*|%.*)?$")
_SQL = re.compile(
    r"^(SELECT|FROM|WHERE|GROUP BY|HAVING|ORDER BY|LIMIT|(INNER |LEFT |RIGHT |FULL )?JOIN|ON|"
    r"INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|UNION)\b"
)
_CLOSER = re.compile(r"^[)\]}]+[,;]?$")
_COMMENT = re.compile(r"^# \S")
_IDENTIFIER = re.compile(r"^[A-Za-z_][\w.]*(\([\w, ]*\))?$")
_EXPRESSION = re.compile(r"^[\w.]+\([\w, ]*\)( [%+*/-] \w+)+$")
_CONTAINER_INIT = re.compile(r"^\w+\s*=\s*(\[\]|\{\}|set\(\)|dict\(\)|list\(\)|0|''|\"\")$")
_SENTENCE_WORDS = re.compile(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{2,} [a-z]{2,}")


def is_code_line(line: str) -> bool:
    """True for a line that reads as a statement of code rather than prose."""
    text = line.strip()
    if not text or text.startswith("- "):
        return False
    if _SQL.match(text) or _CLOSER.match(text):
        return True
    if _PY_START.match(text):
        # "If you can, ..." and "for example: ..." are prose that starts like code.
        if text.startswith(("def ", "class ", "import ", "from ")):
            return True
        return (text.endswith(":") and len(text.split()) <= 8) or not _reads_as_prose(text)
    if _ASSIGN.match(text) or _CALL.match(text):
        return not _reads_as_prose(text)
    return False


def _reads_as_prose(text: str) -> bool:
    """Four words in a row outside strings, brackets and comments: a sentence, not code."""
    code = re.split(r"\s[#%]|;", _strip_strings(text))[0]
    code = re.sub(r"\[[^\]]*\]|\([^)]*\)", "()", code)
    return bool(_SENTENCE_WORDS.search(code))


def looks_like_identifier(line: str) -> bool:
    """True for a lone name or tiny expression: `spark.sql.shuffle.partitions`, `hash(key) % N`."""
    text = line.strip()
    if len(text) > 60:
        return False
    return bool(_IDENTIFIER.match(text) or _EXPRESSION.match(text))


def fence(lines: list[str]) -> str:
    """A fenced block for these code lines, indentation rebuilt when they are Python."""
    stripped = [line.strip() for line in lines if line.strip()]
    language = _language(stripped)
    if language == "python" and any(_opens_block(line) for line in stripped):
        stripped = _reindent(stripped)
    body = "\n".join(stripped).replace("```", "'''")
    return f"```{language}\n{body}\n```"


def _language(lines: list[str]) -> str:
    if any(_SQL.match(line) for line in lines):
        return "sql"
    if any(_PY_START.match(line) or "self." in line for line in lines):
        return "python"
    if all(_ASSIGN.match(line) or _CALL.match(line) or _COMMENT.match(line) for line in lines):
        return "python" if not any("%" in line for line in lines) else ""
    return ""


def _strip_strings(text: str) -> str:
    return re.sub(r"(\"[^\"]*\"|'[^']*')", "''", text)


def _opens_block(line: str) -> bool:
    code = line.split(" #")[0].rstrip()
    return code.endswith(":") and code.split()[0].rstrip(":") in _OPENERS


def _reindent(lines: list[str]) -> list[str]:
    """Rebuild Python indentation the notes lost: a best guess from openers and exits."""
    out: list[str] = []
    blocks: list[tuple[int, str]] = []  # (level of the opener line, its keyword)
    level = 0
    depth = 0  # open brackets carried over from earlier lines
    for index, line in enumerate(lines):
        keyword = re.split(r"[\s:(]", line, maxsplit=1)[0]
        if depth > 0:
            out.append("    " * (level + (0 if _CLOSER.match(line) else 1)) + line)
            depth += _bracket_balance(line)
            continue
        if keyword in ("elif", "else", "except", "finally"):
            level = _close_to_partner(blocks, keyword, level)
        elif keyword == "return" and _ends_function(lines, index):
            level = _function_body(blocks, level)
        elif _CONTAINER_INIT.match(line) or _is_last_print(lines, index, blocks):
            # A fresh accumulator or a final print starts after the loops above it.
            level = _function_body(blocks, 0)
            blocks[:] = [block for block in blocks if block[0] < level]
        out.append("    " * level + line)
        depth = max(_bracket_balance(line), 0)
        if _opens_block(line):
            blocks.append((level, keyword))
            level += 1
        elif keyword in ("return", "break", "continue", "pass", "raise") and blocks:
            level = blocks.pop()[0]
            if keyword == "return" and _ends_function(lines, index):
                while blocks and blocks[-1][1] != "def":
                    blocks.pop()
                level = blocks.pop()[0] if blocks else 0
    return out


def _bracket_balance(line: str) -> int:
    code = _strip_strings(line.split(" #")[0])
    return sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")


def _close_to_partner(blocks: list[tuple[int, str]], keyword: str, level: int) -> int:
    partners = {
        "elif": ("if", "elif"),
        "else": ("if", "elif", "for", "while", "try", "except"),
        "except": ("try", "except"),
        "finally": ("try", "except", "else"),
    }[keyword]
    while blocks:
        opener_level, opener = blocks.pop()
        if opener in partners:
            return opener_level
    return max(level - 1, 0)


def _function_body(blocks: list[tuple[int, str]], default: int) -> int:
    for opener_level, opener in reversed(blocks):
        if opener == "def":
            return opener_level + 1
    return default


def _ends_function(lines: list[str], index: int) -> bool:
    """A `return` followed by nothing, a new definition or top-level code ends its function."""
    rest = lines[index + 1 :]
    return (
        not rest
        or rest[0].startswith(("def ", "class ", "# ", "print("))
        or bool(re.match(r"^\w+ = [\"'\d]", rest[0]))
    )


def _is_last_print(lines: list[str], index: int, blocks: list[tuple[int, str]]) -> bool:
    return (
        index == len(lines) - 1
        and lines[index].startswith("print(")
        and not any(opener == "def" for _, opener in blocks)
    )
