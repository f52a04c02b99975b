"""Edges (ties at the top and at second place, one salary only), then random tables."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, {"employees": []})


def test_tie_for_second_place(solution):
    rows = [[1, "Ann", "eng", 9], [2, "Bob", "eng", 8], [3, "Cy", "eng", 8], [4, "Di", "eng", 7]]
    check_query(solution, {"employees": rows})


def test_everyone_earns_the_same(solution):
    rows = [[1, "Ann", "eng", 5], [2, "Bob", "eng", 5], [3, "Cy", "eng", 5]]
    check_query(solution, {"employees": rows})


def test_departments_ranked_apart(solution):
    rows = [[1, "Ann", "eng", 100], [2, "Bob", "eng", 90], [3, "Cy", "ops", 10]]
    check_query(solution, {"employees": [*rows, [4, "Di", "ops", 5], [5, "Ed", "ops", 1]]})


salaries = st.integers(1, 6)
departments = st.sampled_from(["eng", "ops", "law"])


@given(rows=st.lists(st.tuples(departments, salaries), max_size=10))
def test_matches_reference(solution, rows):
    employees = [[i + 1, f"e{i + 1}", dept, salary] for i, (dept, salary) in enumerate(rows)]
    check_query(solution, {"employees": employees})
