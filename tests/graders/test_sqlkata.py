"""SQL katas: the query runs in the candidate's sandbox locked down to reading its tables;
results compare as multisets with a float tolerance; failures show the tables as text."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from graders import Kata, KataError, grade, load_kata
from graders.report import Verdict
from graders.sqlkata import QueryError, compare_results, execute, prepared, render_tables
from tests.graders.conftest import KATAS_DIR, SHORT_LIMITS

SCHEMA = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL);"
TABLES: dict[str, list[list[Any]]] = {"t": [[1, "a", 1.5], [2, None, None]]}


def _result(*rows: list[object], columns: int = 2) -> dict[str, list[object]]:
    return {"columns": [f"c{i}" for i in range(columns)], "rows": [list(row) for row in rows]}


def test_execute_returns_columns_and_rows() -> None:
    got = execute(SCHEMA, "SELECT id, name, score FROM t ORDER BY id", TABLES)
    assert got == {"columns": ["id", "name", "score"], "rows": [[1, "a", 1.5], [2, None, None]]}


@pytest.mark.parametrize(
    "sql",
    [
        "ATTACH DATABASE '/etc/passwd' AS x",
        "ATTACH ':memory:' AS x",
        "SELECT load_extension('/tmp/evil.so')",
        "PRAGMA writable_schema = 1",
        "PRAGMA temp_store_directory = '/tmp'",
        "DELETE FROM t",
        "INSERT INTO t VALUES (3, 'c', 0)",
        "CREATE TEMP TABLE x (y)",
        "DROP TABLE t",
        "SELECT 1; DELETE FROM t",
        "VACUUM INTO '/tmp/copy.db'",
    ],
)
def test_anything_but_reading_the_tables_is_refused(sql: str) -> None:
    with pytest.raises(QueryError):
        execute(SCHEMA, sql, TABLES)


def test_a_rejected_query_is_a_syntax_error_on_its_line() -> None:
    with pytest.raises(SyntaxError) as raised:
        prepared(SCHEMA, "SELECT id\nFORM t\nWHERE id > 1")
    assert raised.value.lineno == 2 and raised.value.filename == "solution.py"
    assert "syntax error" in str(raised.value.msg)


@pytest.mark.parametrize("sql", ["", "  ;  ", "-- only a comment\n"])
def test_no_query_is_the_candidates_error(sql: str) -> None:
    with pytest.raises(SyntaxError):
        prepared(SCHEMA, sql)


def test_rows_compare_as_a_multiset_with_a_float_tolerance() -> None:
    expected = _result([1, 2.0], [None, "x"], [1, 2.0])
    assert (
        compare_results(_result([None, "x"], [1, 2], [1, 2.0 + 1e-12]), expected, ordered=False)
        is None
    )
    assert compare_results(_result([1, 2.0], [None, "x"]), expected, ordered=False) is not None
    assert compare_results(_result([1, 2.0], [None, "x"], [1, 2.001]), expected, ordered=False)
    assert compare_results(_result([1, 2.0], ["", "x"], [1, 2.0]), expected, ordered=False)
    assert compare_results(_result(["1", 2.0], [None, "x"], [1, 2.0]), expected, ordered=False)


def test_rows_whose_numbers_round_alike_still_line_up() -> None:
    # Both values round to 0.123456: the rows must pair by exact value, not by query order.
    expected = _result(["a", 0.1234561], ["a", 0.1234564])
    swapped = _result(["a", 0.1234564], ["a", 0.1234561])
    assert compare_results(swapped, expected, ordered=False) is None
    assert compare_results(_result(["a", 0.1234564], ["a", 0.1234562]), expected, ordered=False)


def test_order_counts_when_the_kata_says_so() -> None:
    expected = _result([1, "a"], [2, "b"])
    swapped = _result([2, "b"], [1, "a"])
    assert compare_results(swapped, expected, ordered=False) is None
    assert compare_results(swapped, expected, ordered=True) == "row 1 differs"


def test_the_column_count_must_match_but_not_the_names() -> None:
    expected = _result([1, "a"])
    assert (
        compare_results({"columns": ["x", "y"], "rows": [[1, "a"]]}, expected, ordered=False)
        is None
    )
    assert compare_results(_result([1], columns=1), expected, ordered=False) == (
        "expected 2 column(s), got 1"
    )
    assert compare_results({"rows": []}, expected, ordered=False) is not None


def test_tables_render_as_grids_with_null_and_quoted_text() -> None:
    text = render_tables({"t": [[1, "it's", None]], "u": []}, {"t": ["id", "name", "score"]})
    assert text.splitlines()[:4] == [
        "t",
        "id | name    | score",
        "---+---------+------",
        "1  | 'it''s' | NULL",
    ]
    assert "(no rows)" in text


def test_an_sql_kata_loads_with_its_kind_and_files() -> None:
    kata = load_kata(KATAS_DIR, "sql_running_balance")
    assert (kata.kind, kata.function, kata.ordered, kata.language) == ("sql", "query", True, "sql")
    assert kata.starter.startswith("--") and "SUM(amount)" in kata.reference
    files = kata.harness_files()
    assert {"schema.sql", "reference.sql", "kata.toml", "tests_hidden.py"} <= files.keys()
    assert "starter.sql" not in files
    assert [path.suffix for path in kata.solutions("wrong")] == [".sql"] * len(
        kata.solutions("wrong")
    )


def test_ordered_and_function_are_checked(tmp_path: Path) -> None:
    folder = tmp_path / "sql_running_balance"
    shutil.copytree(KATAS_DIR / "sql_running_balance", folder)
    toml = (folder / "kata.toml").read_text()
    (folder / "kata.toml").write_text(toml.replace("ordered = true", 'ordered = "yes"'))
    with pytest.raises(KataError, match="'ordered'"):
        load_kata(tmp_path, "sql_running_balance")
    (folder / "kata.toml").write_text(toml.replace("kind", 'function = "f"\nkind'))
    with pytest.raises(KataError, match="'function' is 'query'"):
        load_kata(tmp_path, "sql_running_balance")
    (folder / "schema.sql").unlink()
    with pytest.raises(KataError, match=r"schema\.sql: missing"):
        load_kata(tmp_path, "sql_running_balance")


# Through the real sandbox.

KATA = "sql_orders_per_customer"
RIGHT = (
    "SELECT c.id, c.name, COUNT(o.id) FROM customers c"
    " LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id"
)


@pytest.fixture(scope="module")
def tight() -> Kata:
    return dataclasses.replace(load_kata(KATAS_DIR, KATA), limits=SHORT_LIMITS)


def test_a_right_query_passes_in_the_sandbox(tight: Kata) -> None:
    assert grade(tight, RIGHT, hidden=False).verdict is Verdict.PASSED


def test_a_wrong_query_shows_the_tables_and_both_results(tight: Kata) -> None:
    report = grade(tight, RIGHT.replace("LEFT JOIN", "JOIN"), hidden=False)
    assert report.verdict is Verdict.FAILED and report.failure is not None
    assert report.failure.input.startswith("customers\nid | name")
    assert "orders\nid | customer_id | amount" in report.failure.input
    assert "'Bob' | 0" in report.failure.expected
    assert "'Bob'" not in report.failure.got


def test_a_syntax_error_is_the_candidates_error_with_its_line(tight: Kata) -> None:
    report = grade(tight, "SELECT id, name, 0\nFROM customers\nWHERE name = = 'x'", hidden=False)
    assert report.verdict is Verdict.ERROR
    assert report.error is not None and report.error.line == 3
    assert "SQL:" in report.message


@pytest.mark.parametrize(
    ("sql", "verdicts"),
    [
        # A cross join of an endless recursive CTE with itself: only the CPU limit ends it.
        (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
            " SELECT c.id, c.name, (SELECT COUNT(*) FROM n a, n b) FROM customers c",
            {Verdict.TIMEOUT},
        ),
        # An ever longer string: the memory limit ends it.
        (
            "WITH RECURSIVE s(x) AS (SELECT 'x' UNION ALL SELECT x || x FROM s)"
            " SELECT c.id, c.name, (SELECT MAX(LENGTH(x)) FROM s) FROM customers c",
            {Verdict.MEMORY},
        ),
        # Sorting a large cross join in memory (there is no disk to spill to).
        (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000)"
            " SELECT a.i, b.i, printf('%.40c', 'x') FROM n a, n b ORDER BY random()",
            {Verdict.MEMORY, Verdict.TIMEOUT},
        ),
        ("ATTACH DATABASE '/etc/passwd' AS stolen", {Verdict.ERROR}),
        ("SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6')", {Verdict.ERROR}),
        ("PRAGMA writable_schema = 1", {Verdict.ERROR}),
    ],
)
def test_hostile_queries_end_in_their_verdict(
    tight: Kata, sql: str, verdicts: set[Verdict]
) -> None:
    report = grade(tight, sql, hidden=False)
    assert report.verdict in verdicts, report.message
