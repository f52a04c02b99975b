"""Edges (one day, gaps, rows stored out of order), then random series."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, {"daily_revenue": []})


def test_one_day(solution):
    check_query(solution, {"daily_revenue": [[3, 70]]})


def test_rows_stored_out_of_order(solution):
    check_query(solution, {"daily_revenue": [[9, 5], [2, 50], [4, 20], [3, 80]]})


@given(
    revenue=st.dictionaries(st.integers(1, 12), st.integers(0, 100), max_size=8),
)
def test_matches_reference(solution, revenue):
    check_query(solution, {"daily_revenue": [[day, value] for day, value in revenue.items()]})
