"""Edges (ties on the latest time, back-filled rows), then random histories."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, {"status_updates": []})


def test_tie_on_latest_time_takes_greatest_id(solution):
    rows = [[1, 7, "paused", 300], [2, 7, "active", 300], [3, 7, "trial", 100]]
    check_query(solution, {"status_updates": rows})


def test_back_filled_update_has_the_largest_id(solution):
    rows = [[1, 7, "active", 500], [2, 7, "trial", 10]]
    check_query(solution, {"status_updates": rows})


statuses = st.sampled_from(["active", "paused", "trial", "closed"])


@given(
    rows=st.lists(st.tuples(st.integers(1, 3), statuses, st.integers(1, 5)), max_size=10),
    ids=st.randoms(use_true_random=False),
)
def test_matches_reference(solution, rows, ids):
    numbers = list(range(1, len(rows) + 1))
    ids.shuffle(numbers)
    updates = [[n, user, status, at] for n, (user, status, at) in zip(numbers, rows, strict=True)]
    check_query(solution, {"status_updates": updates})
