"""Edges (same-day transactions, back-dated ids), then random ledgers."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, {"transactions": []})


def test_same_day_transactions(solution):
    rows = [[1, "a", 5, 10], [2, "a", 5, 20], [3, "a", 5, -5]]
    check_query(solution, {"transactions": rows})


def test_back_dated_transaction(solution):
    rows = [[1, "a", 3, 10], [2, "a", 1, 100], [3, "b", 2, 7]]
    check_query(solution, {"transactions": rows})


accounts = st.sampled_from(["a", "b", "c"])


@given(rows=st.lists(st.tuples(accounts, st.integers(1, 4), st.integers(-50, 50)), max_size=10))
def test_matches_reference(solution, rows):
    transactions = [[i + 1, account, day, amount] for i, (account, day, amount) in enumerate(rows)]
    check_query(solution, {"transactions": transactions})
