"""SQL katas: a query run on an in-memory SQLite database built from plain data.

The same `execute` runs the candidate's query (in the candidate's sandbox, wrapped by
`candidate_module` into the one function that process serves) and the reference query
(in the harness, by `check_query`). The candidate's SQL is only ever data handed to
sqlite3: an authorizer lets it read the kata's tables and nothing else (no ATTACH, no
PRAGMA, no writes, no `load_extension`), and the sandbox's CPU and memory limits bound
what it may cost.
"""

from __future__ import annotations

import math
import re
import sqlite3
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graders.failures import Mismatch

__all__ = [
    "FUNCTION",
    "MAX_ROWS",
    "candidate_module",
    "check_query",
    "compare_results",
    "execute",
    "prepared",
    "render_result",
    "render_tables",
]

FUNCTION = "query"
# More rows than any kata's answer has; it keeps a runaway result from filling the message.
MAX_ROWS = 10_000
REL_TOLERANCE = ABS_TOLERANCE = 1e-9
_SHOWN_ROWS = 40
_ALLOWED = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
_FORBIDDEN_FUNCTIONS = {"load_extension"}
_NEAR = re.compile(r'near "(.+?)"')


class QueryError(Exception):
    """The query failed in SQLite (syntax, unknown column, a forbidden operation...)."""


def _authorize(action: int, arg1: str | None, arg2: str | None, *_: Any) -> int:
    if action not in _ALLOWED:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _FORBIDDEN_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _database(schema: str, tables: Mapping[str, Sequence[Sequence[Any]]]) -> sqlite3.Connection:
    """A fresh in-memory database holding `tables`, locked down to reading them."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    if hasattr(connection, "enable_load_extension"):
        connection.enable_load_extension(False)
    # Sorts and materialised subqueries stay in memory (the sandbox has no disk to spill to).
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.executescript(schema)
    for name, rows in tables.items():
        if not rows:
            continue
        width = len(rows[0])
        marks = ", ".join("?" * width)
        connection.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    connection.set_authorizer(_authorize)
    return connection


def execute(
    schema: str, sql: str, tables: Mapping[str, Sequence[Sequence[Any]]]
) -> dict[str, list[Any]]:
    """Run `sql` on `tables` (built with `schema`); {"columns": [...], "rows": [[...], ...]}."""
    connection = _database(schema, tables)
    try:
        try:
            cursor = connection.execute(sql)
        except sqlite3.Warning as exc:  # "You can only execute one statement at a time."
            raise QueryError(str(exc)) from None
        except sqlite3.Error as exc:
            message = str(exc)
            if message == "incomplete input":
                message = "incomplete input: no query, or a query cut short"
            if "not authorized" in message:
                message += " (a kata's query may only read its tables: no ATTACH, PRAGMA or writes)"
            raise QueryError(message) from None
        if cursor.description is None:
            raise QueryError("there is no SELECT query to run")
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchmany(MAX_ROWS + 1)
        if len(rows) > MAX_ROWS:
            raise QueryError(f"the query returned more than {MAX_ROWS} rows")
        return {"columns": columns, "rows": [list(row) for row in rows]}
    finally:
        connection.close()


def prepared(schema: str, sql: str) -> Callable[[Mapping[str, Any]], dict[str, list[Any]]]:
    """The candidate's function: `sql` checked once on empty tables, then run per call.

    A query SQLite rejects is raised as a SyntaxError of the submission (with the line of
    the offending token where SQLite names one), so it is reported as the candidate's own
    error at load time, like Python that does not compile.
    """
    if not sql.strip().strip(";").strip():
        raise SyntaxError("the query is empty", ("solution.py", 1, 1, sql[:200]))
    try:
        # EXPLAIN compiles the query (and asks the authorizer) without running it.
        execute(schema, "EXPLAIN " + sql, {})
    except QueryError as exc:
        line = _error_line(sql, str(exc))
        text = sql.splitlines()[line - 1] if line else None
        raise SyntaxError(f"SQL: {exc}", ("solution.py", line, 1, text)) from None

    def query(tables: Mapping[str, Any]) -> dict[str, list[Any]]:
        try:
            return execute(schema, sql, tables)
        except QueryError as exc:
            raise QueryError(f"SQL: {exc}") from None

    return query


def _error_line(sql: str, message: str) -> int | None:
    """The line of the token SQLite's message quotes (`near "FORM": syntax error`)."""
    match = _NEAR.search(message)
    if match is None:
        return None
    index = sql.find(match.group(1))
    return sql.count("\n", 0, index) + 1 if index >= 0 else None


def candidate_module(schema: str, sql: str) -> str:
    """Python source for the candidate's sandbox: `query` runs the SQL; the SQL is a literal."""
    # One line: no line of this wrapper can be mistaken for a line of the candidate's SQL.
    return f"from graders.sqlkata import prepared; {FUNCTION} = prepared({schema!r}, {sql!r})\n"


@dataclass(frozen=True)
class _Kata:
    schema: str
    reference: str
    ordered: bool
    names: dict[str, list[str]]


@cache
def _kata(folder: str) -> _Kata:
    """The kata the harness runs in (its cwd): schema, reference query, ordering."""
    root = Path(folder)
    schema = (root / "schema.sql").read_text(encoding="utf-8")
    config = tomllib.loads((root / "kata.toml").read_text(encoding="utf-8"))
    connection = sqlite3.connect(":memory:")
    connection.executescript(schema)
    names = {
        table: [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
        )
    }
    connection.close()
    return _Kata(
        schema,
        (root / "reference.sql").read_text(encoding="utf-8"),
        bool(config.get("ordered", False)),
        names,
    )


def check_query(solution: Callable[..., Any], tables: Mapping[str, Sequence[Sequence[Any]]]) -> Any:
    """Run the candidate's query and the reference on `tables`; raise Mismatch if they differ.

    Rows are compared as a multiset unless kata.toml says `ordered = true`; see
    `compare_results` for how values compare.
    """
    kata = _kata(str(Path.cwd()))
    plain = {name: [list(row) for row in rows] for name, rows in tables.items()}
    expected = execute(kata.schema, kata.reference, plain)
    got = solution(plain)
    reason = compare_results(got, expected, ordered=kata.ordered)
    if reason is not None:
        shown = {
            "input": render_tables(plain, kata.names),
            "expected": render_result(expected),
            "got": render_result(got) if _well_formed(got) else repr(got)[:2000],
        }
        raise Mismatch((plain,), {}, expected, got, reason, shown=shown)
    return got


def _well_formed(result: Any) -> bool:
    return (
        isinstance(result, dict)
        and isinstance(result.get("columns"), list)
        and isinstance(result.get("rows"), list)
        and all(isinstance(row, list) for row in result["rows"])
    )


def compare_results(got: Any, expected: dict[str, list[Any]], *, ordered: bool) -> str | None:
    """None when `got` has the expected rows, else why not.

    Column names are not compared, their number is. NULL equals only NULL; text and blobs
    compare exactly; numbers compare by value (an integer 2 equals a real 2.0), exactly
    between integers and within a relative or absolute 1e-9 otherwise.
    """
    if not _well_formed(got):
        return "the query's result could not be read"
    width = len(expected["columns"])
    if len(got["columns"]) != width:
        return f"expected {width} column(s), got {len(got['columns'])}"
    if len(got["rows"]) != len(expected["rows"]):
        return f"expected {len(expected['rows'])} row(s), got {len(got['rows'])}"
    got_rows, want_rows = got["rows"], expected["rows"]
    if not ordered:
        got_rows, want_rows = sorted(got_rows, key=_row_key), sorted(want_rows, key=_row_key)
    for index, (row, want) in enumerate(zip(got_rows, want_rows, strict=True)):
        if len(row) != width or not all(map(_same_value, row, want)):
            return f"row {index + 1} differs" if ordered else "different rows"
    return None


def _same_value(got: Any, want: Any) -> bool:
    if _is_number(got) and _is_number(want):
        if isinstance(got, int) and isinstance(want, int):
            return got == want
        return math.isclose(got, want, rel_tol=REL_TOLERANCE, abs_tol=ABS_TOLERANCE)
    return type(got) is type(want) and got == want


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _row_key(row: list[Any]) -> tuple[Any, ...]:
    """A total order on rows: NULL, numbers, text, blobs. Numbers go by their value rounded,
    so near-equal floats line up, then by their exact value, so values that round alike keep
    one order in both results rather than the order each query gave them."""
    key: list[tuple[int, Any, Any]] = []
    for value in row:
        if value is None:
            key.append((0, 0, 0))
        elif _is_number(value):
            rounded = float(f"{float(value):.6g}") if math.isfinite(value) else value
            key.append((1, rounded, value))
        elif isinstance(value, str):
            key.append((2, value, 0))
        elif isinstance(value, bytes):
            key.append((3, value, 0))
        else:
            key.append((4, repr(value), 0))
    return tuple(key)


def render_tables(
    tables: Mapping[str, Sequence[Sequence[Any]]], names: Mapping[str, list[str]]
) -> str:
    """Each table as a small text grid under its name."""
    parts = []
    for name, rows in tables.items():
        columns = names.get(name) or [f"col{i + 1}" for i in range(len(rows[0]) if rows else 0)]
        parts.append(f"{name}\n{_grid(columns, rows)}")
    return "\n\n".join(parts)


def render_result(result: Mapping[str, Any]) -> str:
    """A query's result as a text grid."""
    return _grid([str(c) for c in result["columns"]], result["rows"])


def _grid(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    shown = [[_cell(value) for value in row] for row in rows[:_SHOWN_ROWS]]
    widths = [len(column) for column in columns]
    for row in shown:
        for i, cell in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], len(cell))
    lines = [_line(columns, widths), "-+-".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in shown]
    if not rows:
        lines.append("(no rows)")
    elif len(rows) > _SHOWN_ROWS:
        lines.append(f"... {len(rows) - _SHOWN_ROWS} more row(s)")
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "'" + value.replace("'", "''")[:60] + "'"
    return repr(value)[:60]
