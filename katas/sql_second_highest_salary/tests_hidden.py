"""Edges (empty table, negative salaries), then random payrolls."""

from hypothesis import given
from hypothesis import strategies as st
from tests_sample import rows

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, rows())


def test_negative_and_zero(solution):
    check_query(solution, rows(0, -5, -5))


@given(salaries=st.lists(st.integers(-3, 6), max_size=8))
def test_matches_reference(solution, salaries):
    check_query(solution, rows(*salaries))
