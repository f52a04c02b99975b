"""What "Submit" adds to the samples: the edges of the contract, then random call sequences."""

import pytest
from hypothesis import strategies as st
from reference import StreamingMedian as Reference
from tests_sample import MEDIAN

from graders.kit import check_calls, check_stateful

# Mostly small numbers, so that they repeat; sometimes any within the contract.
NUMBERS = st.integers(-20, 20) | st.integers(-(10**9), 10**9)


@pytest.mark.parametrize(
    "numbers",
    [
        [7],
        [3, 3, 3, 3],
        [1, 2, 3, 4, 5, 6],
        [6, 5, 4, 3, 2, 1],
        [-5, -1],
        [-(10**9), 10**9],
        [10**9, 10**9 - 1],
        [2, 2, 1, 1, 3, 3, 1],
        [0, 10, 0, 10, 5],
    ],
)
def test_fixed_streams(solution, numbers):
    calls = [call for x in numbers for call in (("add", (x,)), ("median", ()))]
    check_calls(solution, Reference, (), calls, compare=MEDIAN)


def test_a_longer_stream(solution):
    numbers = [(i * 7_919) % 503 - 250 for i in range(200)]
    calls = [call for x in numbers for call in (("add", (x,)), ("median", ()))]
    check_calls(solution, Reference, (), calls, compare=MEDIAN)


def test_matches_reference(solution):
    check_stateful(
        solution,
        Reference,
        init=st.just(()),
        methods={"add": st.tuples(NUMBERS), "median": st.just(())},
        compare=MEDIAN,
    )
