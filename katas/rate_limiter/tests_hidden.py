"""What "Submit" adds to the samples: the edges of the contract, then random request times."""

import pytest
from hypothesis import strategies as st
from reference import RateLimiter as Reference
from tests_sample import requests

from graders.kit import check_calls, check_stateful


@pytest.mark.parametrize(
    ("limit", "window", "times"),
    [
        (1, 1, (0, 0, 1, 1, 2)),
        (1, 5, (3, 7, 8, 12, 13)),
        (3, 10, (0, 0, 0, 0, 9, 10, 10, 10, 10)),
        (2, 10, (0, 10, 10, 19, 20, 20)),
        (2, 3, (5, 6, 7, 8, 9, 10, 11, 12)),
        (1, 10**9, (0, 10**9 - 1, 10**9, 2 * 10**9, 10**12)),
        (4, 2, (100, 100, 101, 101, 102, 102, 103, 103)),
    ],
)
def test_fixed_cases(solution, limit, window, times):
    check_calls(solution, Reference, (limit, window), requests(*times))


def test_refused_requests_do_not_count(solution):
    # Hammered at every second, a limit of 1 per 3 seconds allows 0, 3, 6, ...
    check_calls(solution, Reference, (1, 3), requests(*range(12)))


def test_a_long_burst(solution):
    times = [t // 3 for t in range(500)]
    check_calls(solution, Reference, (20, 15), requests(*times))


class Oracle(Reference):
    """The reference, remembering the last time it saw: request times never go back."""

    last = 0

    def allow(self, t):
        self.last = t
        return super().allow(t)


def later(oracle):
    return st.tuples(st.integers(oracle.last, oracle.last + oracle.window + 1))


def test_matches_reference(solution):
    check_stateful(
        solution,
        Oracle,
        init=st.tuples(st.integers(1, 3), st.integers(1, 4)),
        methods={"allow": later},
    )
